"""The workbook file (SQLite through sqlite-utils), backups and exchange files."""
