# Django ships no Kazakh formats. Kazakh official texts write a date year first, the year
# in the attributive «жылғы» and the month in lower case: «2021 жылғы 22 қазан» (the month
# names come from locale_django/kk, "alt. month"). Cyrillic letters are not format
# characters, so «жылғы» passes through as written. Times are 24-hour.
DATE_FORMAT = "Y жылғы j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y жылғы j E, H:i"
YEAR_MONTH_FORMAT = "Y жылғы E"  # «2021 жылғы қазан»: E keeps the month in lower case
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# Day first, as Kazakh readers write dates (22.10.2021), and ISO; never month first, so
# 03/04/2021 is refused rather than read as 4 March.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '22.10.2021'
    "%d.%m.%y",  # '22.10.21'
    "%Y-%m-%d",  # '2021-10-22'
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # '15:05:00'
    "%H:%M:%S.%f",  # '15:05:00.000200'
    "%H:%M",  # '15:05'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '22.10.2021 15:05:00'
    "%d.%m.%Y %H:%M:%S.%f",  # '22.10.2021 15:05:00.000200'
    "%d.%m.%Y %H:%M",  # '22.10.2021 15:05'
    "%d.%m.%y %H:%M:%S",  # '22.10.21 15:05:00'
    "%d.%m.%y %H:%M:%S.%f",  # '22.10.21 15:05:00.000200'
    "%d.%m.%y %H:%M",  # '22.10.21 15:05'
    "%Y-%m-%d %H:%M:%S",  # '2021-10-22 15:05:00'
    "%Y-%m-%d %H:%M:%S.%f",  # '2021-10-22 15:05:00.000200'
    "%Y-%m-%d %H:%M",  # '2021-10-22 15:05'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
