/**
 * Sets every entry time of a ZIP (an XLSX) to one fixed moment, in place.
 * exceljs hands files to JSZip without a date, so JSZip stamps the current time; the DOS
 * time/date fields sit at fixed offsets of each local header and central directory record.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function dosStamp(date: Date): { time: number; day: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

export function fixZipDates(zip: Buffer, date: Date): Buffer {
  const { time, day } = dosStamp(date);
  let end = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error(`bad central directory record at ${p}`);
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(day, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`bad local header at ${local}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
