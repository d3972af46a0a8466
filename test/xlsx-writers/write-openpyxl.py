# Writes a workbook spec (workbook-spec.ts, JSON in argv[1]) to an .xlsx (argv[2]) with openpyxl.
import datetime, json, sys
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.datavalidation import DataValidation

spec = json.load(open(sys.argv[1]))
book = openpyxl.Workbook()
book.remove(book.active)
if spec.get('date1904'):
    book.epoch = CALENDAR_MAC_1904
for sheet_spec in spec['sheets']:
    sheet = book.create_sheet(sheet_spec['name'])
    if sheet_spec.get('hidden'):
        sheet.sheet_state = 'hidden'
    for c in sheet_spec['cells']:
        cell = sheet[c['ref']]
        kind, value = c['kind'], c['value']
        if kind == 'date':
            cell.value = datetime.date.fromisoformat(value)
        elif kind == 'formula':
            cell.value = '=' + value  # openpyxl cannot store a cached result
        else:
            cell.value = value  # an error code string becomes an error cell (t="e")
        if 'format' in c:
            cell.number_format = c['format']
    for area in sheet_spec.get('merges', []):
        sheet.merge_cells(area)
    if sheet_spec.get('list'):
        rule = DataValidation(type='list', formula1='"' + ','.join(sheet_spec['list']['items']) + '"')
        rule.add(sheet_spec['list']['range'])
        sheet.add_data_validation(rule)
book.active = spec['active']
for index, sheet in enumerate(book.worksheets):
    sheet.sheet_view.tabSelected = index == spec['active']
book.save(sys.argv[2])
