# Django ships no Kazakh date formats; as Kazakh official texts write them: 22 қазан 2021 ж.
DATE_FORMAT = "j E Y ж."
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j E Y ж., H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
