import JSZip from 'jszip';

/**
 * Reads a .docx back as text: paragraphs (one string each) and tables (rows of cell texts). Tests check
 * what a bulletin says with it, and previews can show it without Word.
 */
export async function readDocx(buffer: Buffer): Promise<{ paragraphs: string[]; tables: string[][][] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('not a Word document: word/document.xml is missing');
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
  const tables: string[][][] = [];
  const withoutTables = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    tables.push(
      [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
        [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0])),
      ),
    );
    return '';
  });
  const paragraphs = [...withoutTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => text(p[0]))
    .filter((t) => t !== '');
  return { paragraphs, tables };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
