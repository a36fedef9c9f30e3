/**
 * Whether a text an office typed into a public column (责任单位, 资产权属, a
 * fund's category) names an office or other body rather than a person. An
 * office's name is public wording — a head named 文明 must not be found in
 * 安远县文明办 — while a person typed in must be found, also beside an office
 * (东门村委会（联系人肖荣华）, 肖荣华、村集体). So each run of Chinese characters
 * is judged on its own, by how it ends: the names of offices, collectives and
 * registered bodies end with what they are (…局, …办, …委员会, …村集体,
 * …合作社); a person's name does not. The scans and the check that a unit is
 * not a person (personal-data-in-projects.ts) draw the line here, in one place.
 */

// Endings of the names of offices and bodies. Single characters only where they are next to never the end of a
// person's name (科 and 所 are left out: 李科, 王建所 are names).
const OFFICE_ENDING =
  /(?:集体|委员会|委会|协会|商会|工会|妇联|政府|公司|合作社|中心|办公室|基地|农场|[局站队处厂院办部委])$/;
// Runs of Chinese characters (a middle dot kept, as in transliterated names).
const HAN_RUNS = /[\p{Script=Han}·]+/gu;

/** Whether the run of Chinese characters `run` names an office, collective or registered body. */
export function isOfficeName(run: string): boolean {
  return OFFICE_ENDING.test(run);
}

/** The runs of Chinese characters of `text` that name an office or body: the public words in it. */
export function officeNamesIn(text: string): string[] {
  return [...text.matchAll(HAN_RUNS)].map(([run]) => run).filter(isOfficeName);
}
