// exceljs, always with its streaming UTF-8 fix applied first: import ExcelJS from here, never from 'exceljs'.
import './patches.js';
import ExcelJS from 'exceljs';

export default ExcelJS;
export type { Cell, Row, Workbook, Worksheet } from 'exceljs';
