// The Swedish names people type for zones and show in results: Swedish forms of the zones' own
// cities ("Köpenhamn"), of other places ("Tammerfors") and of countries besides those Intl gives
// ("Förenta staterna"). Searched only for Swedish readers, so that English searches stay as they
// were ("Island" is Iceland in Swedish, but not to an English reader).

/**
 * The zone's own city where Swedish has a name of its own for it; shown in Swedish results
 * ("Köpenhamn, Danmark") and searched. A zone named after its island or country (Indian/Maldives)
 * is shown by the country's Swedish name without an entry here.
 */
export const SWEDISH_CITY_NAMES: Readonly<Record<string, string>> = {
  'Africa/Addis_Ababa': 'Addis Abeba',
  'Africa/Algiers': 'Alger',
  'Africa/Cairo': 'Kairo',
  'Africa/Dar_es_Salaam': 'Dar es-Salaam',
  'America/Asuncion': 'Asunción',
  'America/Bogota': 'Bogotá',
  'America/Havana': 'Havanna',
  'America/Sao_Paulo': 'São Paulo',
  'Asia/Ashgabat': 'Asjchabad',
  'Asia/Baghdad': 'Bagdad',
  'Asia/Bishkek': 'Bisjkek',
  'Asia/Damascus': 'Damaskus',
  'Asia/Dushanbe': 'Dusjanbe',
  'Asia/Ho_Chi_Minh': 'Ho Chi Minh-staden',
  'Asia/Hong_Kong': 'Hongkong',
  'Asia/Kamchatka': 'Kamtjatka',
  'Asia/Krasnoyarsk': 'Krasnojarsk',
  'Asia/Macau': 'Macao',
  'Asia/Muscat': 'Muskat',
  'Asia/Sakhalin': 'Sachalin',
  'Asia/Tashkent': 'Tasjkent',
  'Asia/Tehran': 'Teheran',
  'Asia/Ulaanbaatar': 'Ulan Bator',
  'Asia/Yakutsk': 'Jakutsk',
  'Asia/Yekaterinburg': 'Jekaterinburg',
  'Asia/Yerevan': 'Jerevan',
  'Atlantic/Azores': 'Azorerna',
  'Atlantic/Canary': 'Kanarieöarna',
  'Atlantic/Faroe': 'Färöarna',
  'Atlantic/South_Georgia': 'Sydgeorgien',
  'Europe/Astrakhan': 'Astrachan',
  'Europe/Athens': 'Aten',
  'Europe/Belgrade': 'Belgrad',
  'Europe/Brussels': 'Bryssel',
  'Europe/Bucharest': 'Bukarest',
  'Europe/Copenhagen': 'Köpenhamn',
  'Europe/Helsinki': 'Helsingfors',
  'Europe/Lisbon': 'Lissabon',
  'Europe/Luxembourg': 'Luxemburg',
  'Europe/Moscow': 'Moskva',
  'Europe/Prague': 'Prag',
  'Europe/Rome': 'Rom',
  'Europe/Tirane': 'Tirana',
  'Europe/Ulyanovsk': 'Uljanovsk',
  'Europe/Vatican': 'Vatikanstaten',
  'Europe/Vienna': 'Wien',
  'Europe/Warsaw': 'Warszawa',
  'Indian/Christmas': 'Julön',
  'Indian/Cocos': 'Kokosöarna',
  'Indian/Comoro': 'Komorerna',
  'Indian/Kerguelen': 'Kerguelenöarna',
  'Pacific/Chatham': 'Chathamöarna',
  'Pacific/Easter': 'Påskön',
  'Pacific/Galapagos': 'Galápagosöarna',
  'Pacific/Marquesas': 'Marquesasöarna',
  'Pacific/Norfolk': 'Norfolkön',
};

/**
 * Places in a zone other than its own city, in the forms Swedish readers type; as in COMMON_NAMES,
 * a name here is taken as that zone without asking, so only names of one place in one zone.
 */
export const SWEDISH_COMMON_NAMES: Readonly<Record<string, readonly string[]>> = {
  'Africa/Johannesburg': ['Kapstaden'],
  'Asia/Riyadh': ['Mecka'],
  'Europe/Amsterdam': ['Haag'],
  'Europe/Brussels': ['Antwerpen', 'Gent'],
  'Europe/Copenhagen': ['Århus'],
  'Europe/Helsinki': ['Esbo', 'Vanda', 'Tammerfors', 'Åbo', 'Uleåborg'],
  'Europe/London': ['Skottland', 'Nordirland'],
  'Europe/Madrid': ['Sevilla'],
  'Europe/Moscow': ['Sankt Petersburg'],
  'Europe/Rome': ['Neapel', 'Florens', 'Venedig'],
  'Europe/Stockholm': [
    'Västerås',
    'Örebro',
    'Norrköping',
    'Helsingborg',
    'Jönköping',
    'Umeå',
    'Lund',
    'Borås',
    'Gävle',
    'Sundsvall',
    'Karlstad',
    'Växjö',
    'Luleå',
    'Kiruna',
  ],
};

/** Swedish names of countries besides the one Intl gives ("Kina", "Norge", "USA"). */
export const SWEDISH_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['Förenta staterna', 'Amerika'],
  AE: ['Arabemiraten', 'Emiraten'],
  BY: ['Vitryssland'],
  GB: ['Förenade kungariket'],
  CZ: ['Tjeckiska republiken'],
  MK: ['Makedonien'],
  MM: ['Burma'],
  SA: ['Saudi-Arabien'],
  VA: ['Vatikanen'],
};

/** The one zone without a place, by its name in Swedish. */
export const SWEDISH_UTC_NAME = 'Koordinerad universell tid';
