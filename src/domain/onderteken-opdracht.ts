/**
 * The command that signs the report a letter rests on: named wherever a report is missing (a letter
 * held back, `handhaving toon`, `hercontrole wijzig`), so the jurist reads one way to fix it.
 */
export const ondertekenOpdracht = {
  rapport: (avond: number, adres: number) =>
    `interventie rapport bevindingen --avond ${avond} --adres ${adres} --pdf <bestand> --onderteken`,
  hercontrole: (opvolging: number) => `interventie rapport hercontrole --opvolging ${opvolging} --pdf <bestand> --onderteken`,
};
