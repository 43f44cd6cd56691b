// exceljs, always with its streaming UTF-8 fix applied first: import ExcelJS from here, never from 'exceljs'.
import './utf8-fix.js';
import ExcelJS from 'exceljs';

export default ExcelJS;
export type { Cell, Row, Workbook, Worksheet } from 'exceljs';
