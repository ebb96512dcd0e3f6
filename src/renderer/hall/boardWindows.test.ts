import { describe, expect, it } from 'vitest';
import { boardShows, boardWindowsFrom, parseWindows, windowsList } from './boardWindows';

const at = (search: string, hash = '') => ({ search, hash });

describe("a board's set of windows", () => {
  it('reads the names in order, each once, trimmed', () => {
    expect(parseWindows('1,2,3')).toEqual(['1', '2', '3']);
    expect(parseWindows(' 3 , 1,3,  2 ')).toEqual(['3', '1', '2']);
    expect(parseWindows('A1,Қ2,б-3')).toEqual(['A1', 'Қ2', 'б-3']);
  });

  it('leaves out what the contract would refuse, and shows every window when nothing is left', () => {
    expect(parseWindows('1,,12345,<b>,2')).toEqual(['1', '2']);
    expect(parseWindows(',, ,')).toBeUndefined();
    expect(parseWindows('')).toBeUndefined();
    expect(parseWindows(null)).toBeUndefined();
  });

  it('keeps at most the sixty windows one board may ask for', () => {
    const many = Array.from({ length: 70 }, (_, i) => String(i + 1)).join(',');
    expect(parseWindows(many)).toHaveLength(60);
  });

  it('takes the query first, else the fragment the web host keeps through its redirect', () => {
    expect(boardWindowsFrom(at('?windows=1,2'))).toEqual(['1', '2']);
    expect(boardWindowsFrom(at('?windows=1%2C2%2C%D0%9A1'))).toEqual(['1', '2', 'К1']);
    expect(boardWindowsFrom(at('', '#windows=4,5'))).toEqual(['4', '5']);
    expect(boardWindowsFrom(at('?windows=7', '#windows=4'))).toEqual(['7']);
    expect(boardWindowsFrom(at('?token=x', '#other=1'))).toBeUndefined();
    expect(boardWindowsFrom(at('', ''))).toBeUndefined();
  });

  it('shows, chimes and speaks the calls of its own windows only', () => {
    expect(boardShows(undefined, '9')).toBe(true);
    expect(boardShows(['1', '2'], '2')).toBe(true);
    expect(boardShows(['1', '2'], '9')).toBe(false);
  });

  it('writes three or more windows in a row as a range, numbers in order, names after them', () => {
    expect(windowsList(['1', '2', '3'])).toBe('1–3');
    expect(windowsList(['3', '1', '2', '5'])).toBe('1–3, 5');
    expect(windowsList(['1', '2', '4'])).toBe('1, 2, 4');
    expect(windowsList(['B', '7', '6', '8', '9', 'A1'])).toBe('6–9, B, A1');
    expect(windowsList(['01', '2'])).toBe('2, 01');
    expect(windowsList(['4'])).toBe('4');
  });
});
