// The part of unzipper (a dependency of exceljs) used to read a workbook's directory.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  export interface File {
    path: string;
    uncompressedSize: number;
    compressedSize: number;
    buffer(): Promise<Buffer>;
    stream(): Readable;
  }
  export interface CentralDirectory {
    files: File[];
  }
  const unzipper: { Open: { file(path: string): Promise<CentralDirectory> } };
  export default unzipper;
}
