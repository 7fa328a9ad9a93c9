# British-style dates, as the Ministry's English press releases write them: 22 October 2021.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
