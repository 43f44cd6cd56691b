// Test files build fixtures with exceljs: its UTF-8 fix must be in place before any of them loads it.
import '../src/xlsx/patches.js';
