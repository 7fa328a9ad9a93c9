# Django's Russian formats, but for the month and day (the admin's date hierarchy): Django's
# "j F" writes the month in the nominative, «22 Октябрь»; "j E" writes «22 октября». The
# other formats fall through to Django's own.
MONTH_DAY_FORMAT = "j E"
