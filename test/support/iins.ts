/** A valid IIN for a birth date (yymmdd), century/sex digit and serial: the data tests need many. */
export { iinNear as makeIin } from '../../src/shared/iin';
