/**
 * The status codes of responseInfo.status. Business errors come inside a normal response
 * (HTTP 200) with one of these codes; only a broken exchange is a SOAP fault.
 *
 * | code      | meaning                                                    | workstation does           |
 * |-----------|------------------------------------------------------------|----------------------------|
 * | SCSS001   | done; responseData carries the answer                      | uses the answer            |
 * | NFND001   | the register has no such record (person, power of attorney, | person/poa look-up → null; |
 * |           | registration number)                                       | otherwise final refusal    |
 * | BDRQ001   | the request data does not fit the service                  | final refusal              |
 * | AUTH001   | sender id or password not accepted by the gateway          | final refusal              |
 * | USVC001   | no such serviceId behind the gateway                       | final refusal              |
 *
 * Any other code is unknown to this workstation and is never guessed at (a final failure the
 * operator must look at). A wrong sender or password is answered with AUTH001 in a normal
 * response, not with a fault, so a repeat cannot be mistaken for a passing outage.
 */
export const STATUS = {
  success: 'SCSS001',
  notFound: 'NFND001',
  badRequestData: 'BDRQ001',
  authentication: 'AUTH001',
  unknownService: 'USVC001',
} as const;

export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

const KNOWN = new Set<string>(Object.values(STATUS));

export function isKnownStatus(code: string): code is StatusCode {
  return KNOWN.has(code);
}
