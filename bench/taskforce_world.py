"""The posts of the task-force bench (bench/generate-taskforce.py): one embassy in each of 190
countries and 80 consulates, with their time zones. Data only, fixed: the same every run."""

# ISO code, country, capital (the embassy's city), time zone of the capital.
COUNTRIES = """
AF|Afghanistan|Kabul|Asia/Kabul
AL|Albania|Tirana|Europe/Tirane
DZ|Algeria|Algiers|Africa/Algiers
AO|Angola|Luanda|Africa/Luanda
AG|Antigua and Barbuda|Saint John's|America/Antigua
AR|Argentina|Buenos Aires|America/Argentina/Buenos_Aires
AM|Armenia|Yerevan|Asia/Yerevan
AU|Australia|Canberra|Australia/Sydney
AT|Austria|Vienna|Europe/Vienna
AZ|Azerbaijan|Baku|Asia/Baku
BS|Bahamas|Nassau|America/Nassau
BH|Bahrain|Manama|Asia/Bahrain
BD|Bangladesh|Dhaka|Asia/Dhaka
BB|Barbados|Bridgetown|America/Barbados
BY|Belarus|Minsk|Europe/Minsk
BE|Belgium|Brussels|Europe/Brussels
BZ|Belize|Belmopan|America/Belize
BJ|Benin|Cotonou|Africa/Porto-Novo
BT|Bhutan|Thimphu|Asia/Thimphu
BO|Bolivia|La Paz|America/La_Paz
BA|Bosnia and Herzegovina|Sarajevo|Europe/Sarajevo
BW|Botswana|Gaborone|Africa/Gaborone
BR|Brazil|Brasilia|America/Sao_Paulo
BN|Brunei|Bandar Seri Begawan|Asia/Brunei
BG|Bulgaria|Sofia|Europe/Sofia
BF|Burkina Faso|Ouagadougou|Africa/Ouagadougou
BI|Burundi|Gitega|Africa/Bujumbura
CV|Cabo Verde|Praia|Atlantic/Cape_Verde
KH|Cambodia|Phnom Penh|Asia/Phnom_Penh
CM|Cameroon|Yaounde|Africa/Douala
CA|Canada|Ottawa|America/Toronto
CF|Central African Republic|Bangui|Africa/Bangui
TD|Chad|N'Djamena|Africa/Ndjamena
CL|Chile|Santiago|America/Santiago
CN|China|Beijing|Asia/Shanghai
CO|Colombia|Bogota|America/Bogota
KM|Comoros|Moroni|Indian/Comoro
CG|Republic of the Congo|Brazzaville|Africa/Brazzaville
CD|Democratic Republic of the Congo|Kinshasa|Africa/Kinshasa
CR|Costa Rica|San Jose|America/Costa_Rica
CI|Cote d'Ivoire|Abidjan|Africa/Abidjan
HR|Croatia|Zagreb|Europe/Zagreb
CU|Cuba|Havana|America/Havana
CY|Cyprus|Nicosia|Asia/Nicosia
CZ|Czechia|Prague|Europe/Prague
DK|Denmark|Copenhagen|Europe/Copenhagen
DJ|Djibouti|Djibouti|Africa/Djibouti
DM|Dominica|Roseau|America/Dominica
DO|Dominican Republic|Santo Domingo|America/Santo_Domingo
EC|Ecuador|Quito|America/Guayaquil
EG|Egypt|Cairo|Africa/Cairo
SV|El Salvador|San Salvador|America/El_Salvador
GQ|Equatorial Guinea|Malabo|Africa/Malabo
ER|Eritrea|Asmara|Africa/Asmara
EE|Estonia|Tallinn|Europe/Tallinn
SZ|Eswatini|Mbabane|Africa/Mbabane
ET|Ethiopia|Addis Ababa|Africa/Addis_Ababa
FJ|Fiji|Suva|Pacific/Fiji
FI|Finland|Helsinki|Europe/Helsinki
FR|France|Paris|Europe/Paris
GA|Gabon|Libreville|Africa/Libreville
GM|Gambia|Banjul|Africa/Banjul
GE|Georgia|Tbilisi|Asia/Tbilisi
DE|Germany|Berlin|Europe/Berlin
GH|Ghana|Accra|Africa/Accra
GR|Greece|Athens|Europe/Athens
GD|Grenada|Saint George's|America/Grenada
GT|Guatemala|Guatemala City|America/Guatemala
GN|Guinea|Conakry|Africa/Conakry
GW|Guinea-Bissau|Bissau|Africa/Bissau
GY|Guyana|Georgetown|America/Guyana
HT|Haiti|Port-au-Prince|America/Port-au-Prince
HN|Honduras|Tegucigalpa|America/Tegucigalpa
HU|Hungary|Budapest|Europe/Budapest
IS|Iceland|Reykjavik|Atlantic/Reykjavik
IN|India|New Delhi|Asia/Kolkata
ID|Indonesia|Jakarta|Asia/Jakarta
IR|Iran|Tehran|Asia/Tehran
IQ|Iraq|Baghdad|Asia/Baghdad
IE|Ireland|Dublin|Europe/Dublin
IL|Israel|Tel Aviv|Asia/Jerusalem
IT|Italy|Rome|Europe/Rome
JM|Jamaica|Kingston|America/Jamaica
JP|Japan|Tokyo|Asia/Tokyo
JO|Jordan|Amman|Asia/Amman
KZ|Kazakhstan|Astana|Asia/Almaty
KE|Kenya|Nairobi|Africa/Nairobi
KI|Kiribati|Tarawa|Pacific/Tarawa
KR|Republic of Korea|Seoul|Asia/Seoul
KW|Kuwait|Kuwait City|Asia/Kuwait
KG|Kyrgyzstan|Bishkek|Asia/Bishkek
LA|Laos|Vientiane|Asia/Vientiane
LV|Latvia|Riga|Europe/Riga
LB|Lebanon|Beirut|Asia/Beirut
LS|Lesotho|Maseru|Africa/Maseru
LR|Liberia|Monrovia|Africa/Monrovia
LY|Libya|Tripoli|Africa/Tripoli
LT|Lithuania|Vilnius|Europe/Vilnius
LU|Luxembourg|Luxembourg|Europe/Luxembourg
MG|Madagascar|Antananarivo|Indian/Antananarivo
MW|Malawi|Lilongwe|Africa/Blantyre
MY|Malaysia|Kuala Lumpur|Asia/Kuala_Lumpur
MV|Maldives|Male|Indian/Maldives
ML|Mali|Bamako|Africa/Bamako
MT|Malta|Valletta|Europe/Malta
MH|Marshall Islands|Majuro|Pacific/Majuro
MR|Mauritania|Nouakchott|Africa/Nouakchott
MU|Mauritius|Port Louis|Indian/Mauritius
MX|Mexico|Mexico City|America/Mexico_City
FM|Micronesia|Kolonia|Pacific/Pohnpei
MD|Moldova|Chisinau|Europe/Chisinau
MN|Mongolia|Ulaanbaatar|Asia/Ulaanbaatar
ME|Montenegro|Podgorica|Europe/Podgorica
MA|Morocco|Rabat|Africa/Casablanca
MZ|Mozambique|Maputo|Africa/Maputo
MM|Burma|Rangoon|Asia/Yangon
NA|Namibia|Windhoek|Africa/Windhoek
NR|Nauru|Yaren|Pacific/Nauru
NP|Nepal|Kathmandu|Asia/Kathmandu
NL|Netherlands|The Hague|Europe/Amsterdam
NZ|New Zealand|Wellington|Pacific/Auckland
NI|Nicaragua|Managua|America/Managua
NE|Niger|Niamey|Africa/Niamey
NG|Nigeria|Abuja|Africa/Lagos
MK|North Macedonia|Skopje|Europe/Skopje
NO|Norway|Oslo|Europe/Oslo
OM|Oman|Muscat|Asia/Muscat
PK|Pakistan|Islamabad|Asia/Karachi
PW|Palau|Koror|Pacific/Palau
PA|Panama|Panama City|America/Panama
PG|Papua New Guinea|Port Moresby|Pacific/Port_Moresby
PY|Paraguay|Asuncion|America/Asuncion
PE|Peru|Lima|America/Lima
PH|Philippines|Manila|Asia/Manila
PL|Poland|Warsaw|Europe/Warsaw
PT|Portugal|Lisbon|Europe/Lisbon
QA|Qatar|Doha|Asia/Qatar
RO|Romania|Bucharest|Europe/Bucharest
RU|Russia|Moscow|Europe/Moscow
RW|Rwanda|Kigali|Africa/Kigali
KN|Saint Kitts and Nevis|Basseterre|America/St_Kitts
LC|Saint Lucia|Castries|America/St_Lucia
VC|Saint Vincent and the Grenadines|Kingstown|America/St_Vincent
WS|Samoa|Apia|Pacific/Apia
ST|Sao Tome and Principe|Sao Tome|Africa/Sao_Tome
SA|Saudi Arabia|Riyadh|Asia/Riyadh
SN|Senegal|Dakar|Africa/Dakar
RS|Serbia|Belgrade|Europe/Belgrade
SC|Seychelles|Victoria|Indian/Mahe
SL|Sierra Leone|Freetown|Africa/Freetown
SG|Singapore|Singapore|Asia/Singapore
SK|Slovakia|Bratislava|Europe/Bratislava
SI|Slovenia|Ljubljana|Europe/Ljubljana
SB|Solomon Islands|Honiara|Pacific/Guadalcanal
SO|Somalia|Mogadishu|Africa/Mogadishu
ZA|South Africa|Pretoria|Africa/Johannesburg
SS|South Sudan|Juba|Africa/Juba
ES|Spain|Madrid|Europe/Madrid
LK|Sri Lanka|Colombo|Asia/Colombo
SD|Sudan|Khartoum|Africa/Khartoum
SR|Suriname|Paramaribo|America/Paramaribo
SE|Sweden|Stockholm|Europe/Stockholm
CH|Switzerland|Bern|Europe/Zurich
SY|Syria|Damascus|Asia/Damascus
TJ|Tajikistan|Dushanbe|Asia/Dushanbe
TZ|Tanzania|Dodoma|Africa/Dar_es_Salaam
TH|Thailand|Bangkok|Asia/Bangkok
TL|Timor-Leste|Dili|Asia/Dili
TG|Togo|Lome|Africa/Lome
TO|Tonga|Nuku'alofa|Pacific/Tongatapu
TT|Trinidad and Tobago|Port of Spain|America/Port_of_Spain
TN|Tunisia|Tunis|Africa/Tunis
TR|Turkey|Ankara|Europe/Istanbul
TM|Turkmenistan|Ashgabat|Asia/Ashgabat
TV|Tuvalu|Funafuti|Pacific/Funafuti
UG|Uganda|Kampala|Africa/Kampala
UA|Ukraine|Kyiv|Europe/Kyiv
AE|United Arab Emirates|Abu Dhabi|Asia/Dubai
GB|United Kingdom|London|Europe/London
UY|Uruguay|Montevideo|America/Montevideo
UZ|Uzbekistan|Tashkent|Asia/Tashkent
VU|Vanuatu|Port Vila|Pacific/Efate
VE|Venezuela|Caracas|America/Caracas
VN|Vietnam|Hanoi|Asia/Ho_Chi_Minh
YE|Yemen|Sanaa|Asia/Aden
ZM|Zambia|Lusaka|Africa/Lusaka
ZW|Zimbabwe|Harare|Africa/Harare
SM|San Marino|San Marino|Europe/San_Marino
XK|Kosovo|Pristina|Europe/Belgrade
AD|Andorra|Andorra la Vella|Europe/Andorra
"""

# ISO code, city, time zone, kind: the consulates (CONSULATE_GENERAL or CONSULATE).
CONSULATES = """
AF|Mazar-i-Sharif|Asia/Kabul|CONSULATE
AF|Herat|Asia/Kabul|CONSULATE
MX|Ciudad Juarez|America/Ciudad_Juarez|CONSULATE_GENERAL
MX|Guadalajara|America/Mexico_City|CONSULATE_GENERAL
MX|Hermosillo|America/Hermosillo|CONSULATE_GENERAL
MX|Matamoros|America/Matamoros|CONSULATE_GENERAL
MX|Merida|America/Merida|CONSULATE_GENERAL
MX|Monterrey|America/Monterrey|CONSULATE_GENERAL
MX|Nogales|America/Hermosillo|CONSULATE_GENERAL
MX|Nuevo Laredo|America/Matamoros|CONSULATE_GENERAL
MX|Tijuana|America/Tijuana|CONSULATE_GENERAL
CA|Calgary|America/Edmonton|CONSULATE_GENERAL
CA|Halifax|America/Halifax|CONSULATE_GENERAL
CA|Montreal|America/Toronto|CONSULATE_GENERAL
CA|Quebec|America/Toronto|CONSULATE_GENERAL
CA|Toronto|America/Toronto|CONSULATE_GENERAL
CA|Vancouver|America/Vancouver|CONSULATE_GENERAL
CA|Winnipeg|America/Winnipeg|CONSULATE
BR|Rio de Janeiro|America/Sao_Paulo|CONSULATE_GENERAL
BR|Sao Paulo|America/Sao_Paulo|CONSULATE_GENERAL
BR|Recife|America/Recife|CONSULATE
BR|Porto Alegre|America/Sao_Paulo|CONSULATE
CN|Guangzhou|Asia/Shanghai|CONSULATE_GENERAL
CN|Shanghai|Asia/Shanghai|CONSULATE_GENERAL
CN|Shenyang|Asia/Shanghai|CONSULATE_GENERAL
CN|Wuhan|Asia/Shanghai|CONSULATE_GENERAL
CN|Chengdu|Asia/Shanghai|CONSULATE_GENERAL
IN|Mumbai|Asia/Kolkata|CONSULATE_GENERAL
IN|Chennai|Asia/Kolkata|CONSULATE_GENERAL
IN|Kolkata|Asia/Kolkata|CONSULATE_GENERAL
IN|Hyderabad|Asia/Kolkata|CONSULATE_GENERAL
JP|Osaka|Asia/Tokyo|CONSULATE_GENERAL
JP|Naha|Asia/Tokyo|CONSULATE_GENERAL
JP|Sapporo|Asia/Tokyo|CONSULATE_GENERAL
JP|Fukuoka|Asia/Tokyo|CONSULATE
JP|Nagoya|Asia/Tokyo|CONSULATE
RU|Yekaterinburg|Asia/Yekaterinburg|CONSULATE_GENERAL
RU|Vladivostok|Asia/Vladivostok|CONSULATE_GENERAL
DE|Frankfurt|Europe/Berlin|CONSULATE_GENERAL
DE|Munich|Europe/Berlin|CONSULATE_GENERAL
DE|Hamburg|Europe/Berlin|CONSULATE_GENERAL
DE|Dusseldorf|Europe/Berlin|CONSULATE_GENERAL
DE|Leipzig|Europe/Berlin|CONSULATE_GENERAL
FR|Marseille|Europe/Paris|CONSULATE_GENERAL
FR|Strasbourg|Europe/Paris|CONSULATE_GENERAL
IT|Milan|Europe/Rome|CONSULATE_GENERAL
IT|Naples|Europe/Rome|CONSULATE_GENERAL
IT|Florence|Europe/Rome|CONSULATE_GENERAL
ES|Barcelona|Europe/Madrid|CONSULATE_GENERAL
GB|Edinburgh|Europe/London|CONSULATE_GENERAL
GB|Belfast|Europe/London|CONSULATE_GENERAL
AU|Sydney|Australia/Sydney|CONSULATE_GENERAL
AU|Melbourne|Australia/Melbourne|CONSULATE_GENERAL
AU|Perth|Australia/Perth|CONSULATE_GENERAL
TR|Istanbul|Europe/Istanbul|CONSULATE_GENERAL
TR|Adana|Europe/Istanbul|CONSULATE
PK|Karachi|Asia/Karachi|CONSULATE_GENERAL
PK|Lahore|Asia/Karachi|CONSULATE_GENERAL
PK|Peshawar|Asia/Karachi|CONSULATE_GENERAL
IQ|Erbil|Asia/Baghdad|CONSULATE_GENERAL
IQ|Basrah|Asia/Baghdad|CONSULATE_GENERAL
SA|Jeddah|Asia/Riyadh|CONSULATE_GENERAL
SA|Dhahran|Asia/Riyadh|CONSULATE_GENERAL
NG|Lagos|Africa/Lagos|CONSULATE_GENERAL
ZA|Johannesburg|Africa/Johannesburg|CONSULATE_GENERAL
ZA|Cape Town|Africa/Johannesburg|CONSULATE_GENERAL
ZA|Durban|Africa/Johannesburg|CONSULATE_GENERAL
KR|Busan|Asia/Seoul|CONSULATE
VN|Ho Chi Minh City|Asia/Ho_Chi_Minh|CONSULATE_GENERAL
AE|Dubai|Asia/Dubai|CONSULATE_GENERAL
EC|Guayaquil|America/Guayaquil|CONSULATE_GENERAL
TH|Chiang Mai|Asia/Bangkok|CONSULATE_GENERAL
ID|Surabaya|Asia/Jakarta|CONSULATE_GENERAL
ID|Medan|Asia/Jakarta|CONSULATE
KZ|Almaty|Asia/Almaty|CONSULATE_GENERAL
MA|Casablanca|Africa/Casablanca|CONSULATE_GENERAL
NZ|Auckland|Pacific/Auckland|CONSULATE_GENERAL
PT|Ponta Delgada|Atlantic/Azores|CONSULATE
NL|Amsterdam|Europe/Amsterdam|CONSULATE_GENERAL
GR|Thessaloniki|Europe/Athens|CONSULATE_GENERAL
"""


def countries():
    return [tuple(line.split("|")) for line in COUNTRIES.strip().splitlines()]


def consulates():
    return [tuple(line.split("|")) for line in CONSULATES.strip().splitlines()]
