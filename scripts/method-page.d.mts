/** Sections other code links to, as /method#<id>. */
export declare const SECTION_IDS: readonly string[];
/** A heading's id: its text without a leading section number, up to the first colon, as a lower-case slug. */
export declare function headingId(text: string): string;
/** The whole method page for docs/method.md, and the text of its one <style> element. */
export declare function renderMethodPage(markdown: string): { page: string; style: string };
