# Mitä leaflet sanoo ihmiselle: virheet, varoitukset, vihjeet, eteneminen ja
# yhteenvedot. Näitä ei painata esitteeseen.
#
# Muuttujat: { $field } on kenttä sellaisena kuin lukija sen tuntee (avain
# yhteystietotiedostossa tai nimi verkkolomakkeella); muut ovat tiedostonimiä,
# arvoja, lukuja ja muita viestejä, valmiiksi tällä kielellä. Tunnus, joka
# päättyy -form, on se, mitä verkkolomake sanoo sen sijaan (tyhjä ei sano siellä
# mitään). Täältä puuttuva viesti sanotaan englanniksi.
#
# Yhteystietotiedoston avaimia (name, phone ...) ja merkkien `...` sisällä olevia
# komentojen ja tiedostojen osia ei käännetä: ne kirjoitetaan juuri niin.

## Sanat jokaisen viestin ympärillä

severity-error = virhe
severity-warning = varoitus
severity-hint = vihje
number-decimal-separator = ,

## Yhteystietotiedosto

contacts-version = { $field } on oltava 1 (muodon ainoa versio)
contacts-no-organisation = taulukko `[organisation]` puuttuu
hint-add-organisation = lisää `[organisation]`, jossa on ainakin `name = "..."`
contacts-too-many-organisations = yhdelle yhteystietosivulle mahtuu enintään { $max } organisaatiota; tämä on organisaatio { $number }
hint-remove-organisation = poista yksi `[[organisation]]`-osio
contacts-given-twice = ensimmäisen organisaation `{ $key }` on annettu kahdesti
hint-given-twice = säilytä joko tiedoston alussa oleva `{ $key }` tai organisaation oma `organisation.{ $key }`
contacts-contact-not-table = jokaisen kohdan { $field } on oltava taulukko, jossa on `name = "..."`
contacts-contact-not-sections = { $field } on kirjoitettava `[[{ $path }]]`-osioina
contacts-too-many-contacts = esitteeseen mahtuu enintään { $max } yhteyshenkilöä; tämä on yhteyshenkilö { $number }
contacts-too-many-contacts-shared = kun organisaatioita on { $organisations }, esitteeseen mahtuu enintään { $max } yhteyshenkilöä (jokainen organisaatio ensimmäisen jälkeen vie yhden yhteyshenkilön paikan sivulla); tämä on yhteyshenkilö { $number }
hint-remove-contact = poista yksi `[[{ $path }]]`-osio tai anna sen sijaan yhteinen puhelinnumero
hint-remove-contact-form = jätä yksi yhteyshenkilö tyhjäksi tai anna sen sijaan yhteinen puhelinnumero
contacts-missing = { $field } puuttuu
contacts-missing-form = { $field } on täytettävä
hint-add-key = lisää `{ $key } = "..."` kohdan `{ $header }` alle
hint-add-key-form = {""}
contacts-not-file-name = { $field } on oltava tiedostonimi lainausmerkeissä
contacts-not-list = { $field } on oltava luettelo tekstejä, esim. lines = ["...", "..."]
contacts-not-table = { $field } on oltava taulukko: kirjoita se `[{ $path }]`-osioksi
contacts-unknown-key = { $field } ei ole tunnettu avain
hint-english-key = tarkoititko `{ $key }`? Avaimet kirjoitetaan englanniksi
hint-did-you-mean = tarkoititko `{ $key }`?
hint-known-keys = tässä tunnetut avaimet: { $keys }
contacts-not-text-section = { $field } on oltava tekstiä lainausmerkeissä, ei osio
contacts-not-text = { $field } on oltava tekstiä lainausmerkeissä, mutta se on { $found }
value-number = luku
value-boolean = true tai false
value-date = päivämäärä
value-list = luettelo
value-other = jotain muuta
hint-write-text = kirjoita `{ $key } = { $example }` tai kielten taulukko: {"{"} sv = "...", fi = "..." {"}"}
contacts-not-language = `{ $lang }` kentässä { $field } ei ole kielikoodi
hint-language-codes = käytä kielikoodeja kuten `sv` ja `fi`
contacts-not-quoted = { $field } on oltava tekstiä lainausmerkeissä
contacts-no-language = { $field } ei sisällä tekstiä millään kielellä
contacts-empty = { $field } on tyhjä
hint-fill-in = poista rivi tai täytä se
hint-fill-in-form = täytä se tai jätä koko rivi tyhjäksi
contacts-invisible = { $field } sisältää näkymättömän merkin U+{ $code }
contacts-control-character = tiedostossa on ohjausmerkki U+{ $code }, jota tekstieditori ei näytä
contacts-too-many-marks = kentässä { $field } on { $marks } tarkkeetta samassa kirjaimessa; enintään { $max } tulostetaan
hint-retype = kirjoita teksti uudelleen; liitetyn tekstin mukana voi tulla ohjaus- ja suuntamerkkejä
contacts-too-long = { $field } on { $chars } merkkiä pitkä; esitteeseen mahtuu enintään { $max }
contacts-too-many-lines = kentässä { $field } on { $lines } riviä; esitteeseen mahtuu enintään { $max }
contacts-too-many-values = tiedostossa on { $values } avainta ja arvoa; yhteystietotiedostossa on enintään { $max } (useimmissa noin 100)
contacts-more-problems = ja vielä { $count } ongelmaa lisää; korjaa ensimmäiset ja aja uudelleen
contacts-not-phone = { $field } ei ole puhelinnumero (alle 3 numeroa): "{ $text }"
hint-phone = kirjoita se muodossa "0123-456 78"
contacts-not-email = { $field } ei ole sähköpostiosoite: "{ $text }"
hint-email = kirjoita se muodossa "nimi@esimerkki.se"
contacts-not-web = { $field } ei ole verkko-osoite: "{ $text }"
contacts-web-scheme = { $field } ei ole verkko-osoite, joka johtaa verkkosivulle: "{ $text }"
hint-web = kirjoita se muodossa "www.esimerkki.se/sivu"
contacts-logo = { $field } ({ $path }): { $problem }
contacts-language-fallback = { $field }: ei tekstiä kielellä `{ $lang }`; sen sijaan painetaan teksti kielellä `{ $other }`
contacts-language-fallback-form = { $field }: ei tekstiä tällä kielellä; esitteeseen tulee sen sijaan toisen kielen teksti
hint-add-language = lisää `{ $lang } = "..."` kenttään { $field }
hint-add-language-form = täytä teksti myös tällä kielellä
contacts-not-toml = tämä ei ole kelvollista TOMLia ({ $detail })
hint-english-key-letters = tarkoititko `{ $key }`? Avaimet kirjoitetaan englanniksi ilman kirjaimia å, ä ja ö
hint-english-keys = avaimet kirjoitetaan englanniksi ilman kirjaimia å, ä ja ö (katso `leaflet init`)
hint-quotes = kirjoita teksti suorien lainausmerkkien sisään: { $key } = "{ $value }"

## Logot

image-unreadable = logoa ei voi lukea ({ $detail })
image-not-file = logo ei ole tiedosto
image-too-large = logo on { $megabytes } Mt; enintään { $max } Mt luetaan
hint-smaller-logo = tallenna pienempi kopio: 1000 pikselin leveys riittää painoon hyvin
hint-png-or-jpeg = tallenna logo PNG- tai JPEG-muodossa (kuvankäsittelyohjelmassa: Vie PNG-muodossa)
image-not-png-or-jpeg = logo ei ole PNG- eikä JPEG-kuva
image-no-pixels = logossa ei ole pikseleitä
image-too-many-pixels = logo on { $width } × { $height } pikseliä; sivua kohden hyväksytään enintään { $max } pikseliä
image-not-compressed = logoa ei voitu pakata
image-not-png = logo ei ole luettava PNG ({ $detail })
image-damaged = kuvan tiedot ovat vioittuneet
image-palette-damaged = sen väripaletti on vioittunut
image-transparency-damaged = sen läpinäkyvyystiedot ovat vioittuneet
image-no-header = otsaketta ei ole
image-too-large-to-decode = logo on { $width } × { $height } pikseliä ja tallennettu lomitettuna (interlaced), joten se on liian suuri luettavaksi; tallenna se uudelleen ilman lomitusta tai pienempänä
image-not-jpeg = logo ei ole luettava JPEG ({ $detail })
image-jpeg-16-bit = logo on 16-bittinen JPEG
image-jpeg-cmyk = logo on CMYK-JPEG; tallenna se RGB-muodossa
image-jpeg-incomplete = logon JPEG-tiedosto loppuu kesken, joten kuva on vajaa; tallenna tai lataa kuva uudelleen

## Tiedostot

file-not-found = tiedostoa ei löydy
file-unreadable = tiedostoa ei voi lukea ({ $detail })
folder-unreadable = kansiota ei voi lukea ({ $detail })
file-not-utf8 = tiedosto ei ole UTF-8-tekstiä
file-unreadable-named = { $what }: lukeminen ei onnistu ({ $detail })
file-is-folder = tämä on kansio; anna polku: { $what }
file-too-large = { $what } on { $bytes } tavua; enintään { $max } tavua luetaan
file-not-utf8-named = { $what } ei ole UTF-8-tekstiä (virheellinen tavu kohdassa { $offset })
hint-save-utf8 = tallenna tiedosto UTF-8-muodossa (Muistiossa: Tallenna nimellä → Koodaus: UTF-8)
what-contacts-file = yhteystietotiedosto
what-layout-file = taittotiedosto
file-not-regular = { $what } ei ole tavallinen tiedosto (vaan laite, putki tai pistoke); anna tiedoston polku
what-data-file = datatiedosto

## Painoasetukset ja tuloste

settings-bleed-range = { $bleed } mm:n leikkuuvara ei käy (0–{ $max } mm)
hint-bleed = painotalot pyytävät yleensä 3 mm
settings-booklet-for-print-shop = --impose booklet on toimistotulostimia varten; sitä ei voi yhdistää valitsimiin --bleed tai --crop-marks
hint-booklet-for-print-shop = painotaloon lähetetään sivut lukujärjestyksessä valitsimilla --bleed 3 --crop-marks: painotalo järjestää ne itse
settings-fillable-one-organisation = täytettävässä esitteessä on kentät yhdelle organisaatiolle; yhteystietotiedostossa on useampia
hint-fillable-one-organisation = tee esite ilman valitsinta --fillable, jolloin kaikki organisaatiot tulostetaan; tai anna yhteystietotiedosto, jossa on yksi organisaatio
settings-fillable-direction = täytettävää esitettä ei ole kielellä { $lang }: PDF-lukijat täyttävät kentät vasemmalta oikealle
form-value-too-long = { $field } ei mahdu kenttäänsä lomakkeessa edes { $size } pisteen koossa; lyhennä tekstiä
settings-no-booklet = taittoa `{ $layout }` ei voi järjestää vihkoksi: sen sivut eivät taitu vihkoksi
hint-booklet-layouts = tulosta se sellaisenaan; --impose booklet on näitä taittoja varten: { $layouts }
output-unwritable = PDF-tiedostoa ei voi kirjoittaa ({ $detail })
output-disk-full = laitteella ei ole tilaa jäljellä
output-is-folder = on kansio; anna PDF-tiedostolle tiedostonimi
output-no-folder = kansiota `{ $folder }` ei ole

## Monta tiedostoa kerralla

batch-no-files = kansiossa ei ole .toml-tiedostoja
batch-same-output = `{ $first }` ja `{ $second }` kirjoittaisivat molemmat tiedoston `{ $output }`
batch-same-language = kielet `{ $first }` ja `{ $second }` tuottavat saman esitteen ({ $lang }); anna kukin kieli kerran
hint-rename = nimeä toinen niistä uudelleen
batch-no-output-folder = tuloskansiota ei voi luoda ({ $detail })
batch-no-threads = työsäikeitä ei voi käynnistää ({ $detail })

## Fontit, tavutus ja PDF

pipeline-logo-alt = valitsimen --pdf-ua kanssa logo tarvitsee tekstikuvauksen ruudunlukijoita varten
hint-logo-alt = lisää `logo_alt = "..."` kohdan `logo` viereen ja kerro, mitä logossa on
hint-logo-alt-form = täytä ”Mitä logossa on, ruudunlukijaa varten”
font-not-font = tämä ei ole TrueType- eikä OpenType-fontti
font-not-embedded = fonttia `{ $font }` ei voi upottaa ({ $detail })
hyphenation-not-a-word = `{ $word }` ei ole yksi sana, jossa tavuviivat ovat tavutuskohdissa
hint-hyphenation-word = kirjoita yksi sana riville, esim. `omais-hoitaja`
pdf-orphan-content = sisäinen virhe: sivun { $page } sisällöllä ({ $tag }) ei ole paikkaa asiakirjan rakenteessa
hint-report-bug = tämä on virhe leafletissa; ilmoita siitä ja liitä mukaan yhteystietotiedosto ja komento

## Ladonta

origin-message = viesti `{ $id }`
origin-field = kenttä { $field }
origin-field-form = { $field }
typeset-overflow = sivu { $page } (`{ $name }`): teksti on { $over } mm liian pitkä kehykseensä (noin { $lines } { $lines ->
        [one] rivi
       *[other] riviä
    } kokoa { $size } pt)
typeset-overflow-smallest = sivu { $page } (`{ $name }`): teksti on { $over } mm liian pitkä kehykseensä (noin { $lines } { $lines ->
        [one] rivi
       *[other] riviä
    } kokoa { $size } pt), vaikka se on jo pienimmässä sallitussa koossa
hint-does-not-fit = ei mahdu: { $sources }
hint-shorten-messages = lyhennä näitä viestejä kansiossa `locales/{ $lang }/`
field-lines = { $field } ({ $lines } { $lines ->
        [one] rivi
       *[other] riviä
    })
hint-shorten-contacts = lyhennä tai jätä pois noin { $lines } { $lines ->
        [one] rivi
       *[other] riviä
    } yhteystietoja yhteystietotiedostosta, esim. { $fields }
hint-shorten-contacts-form = lyhennä tai jätä pois noin { $lines } { $lines ->
        [one] rivi
       *[other] riviä
    } yhteystietoja, esim. { $fields }
typeset-shrunk = yhteystiedot on ladottu kokoon { $size } pt, jotta ne mahtuvat kehykseensä
hint-shrunk = alle 12 pt on vaikeampi lukea; lyhennä tai jätä pois joitakin tietoja, niin koko pysyy 12 pt:ssä
typeset-logo-blurred = logo painetaan tarkkuudella { $dpi } dpi ({ $width } × { $height } pikseliä kokoon { $width-mm } × { $height-mm } mm); se voi näyttää epätarkalta
hint-logo-pixels = käytä kuvaa, joka on vähintään { $pixels } pikseliä leveä
typeset-qr-too-long = verkko-osoite on liian pitkä { $size } mm:n QR-koodiin, jonka moduulit ovat vähintään { $module } mm; esitteeseen ei tule QR-koodia
hint-qr-shorter = lyhyempi osoite (uudelleenohjaus, kuten www.esimerkki.se/tuki) saa QR-koodinsa
typeset-label-too-wide = nimiö `{ $label }` on { $over } mm liian leveä tyylin `{ $style }` nimiösarakkeeseen
hint-label-too-wide = lyhennä nimiötä kielitiedostoissa tai levennä tyylin `indent_mm` taitossa
typeset-unbreakable = "{ $text }" ({ $origin }) on { $over } mm kehystään leveämpi eikä sitä voi jakaa riveille
hint-unbreakable = lyhennä sitä: puhelinnumeroita ei koskaan jaeta riveille, ja osoite katkeaa vain ennen merkkejä `/`, `.`, `@`, `-` ja vastaavia
hint-unbreakable-form = lyhennä sitä: puhelinnumeroita ei koskaan jaeta riveille, ja osoite katkeaa vain ennen merkkejä / . @ - ja vastaavia
typeset-no-glyph = fontti `{ $font }` eikä mikään sen varafonteista osaa piirtää merkkiä `{ $char }` (U+{ $code }): { $origin }
hint-no-glyph = vaihda merkki tai käytä fonttia, jossa se on

## Taitot

layout-unknown = taittoa `{ $layout }` ei ole
hint-layouts = taitot: { $names }
layout-invalid = virheellinen taitto ({ $detail })
layout-page-size = kohdan `page` mittojen on oltava 0–2000 mm
layout-unknown-style = sivun { $page } lohko käyttää tyyliä `{ $style }`, jota `[styles]` ei määrittele
layout-no-pages = taitossa ei ole kohtaa `[[pages]]`
layout-contacts-blocks = taitossa on oltava yksi `contacts`-lohko tai yksi, jossa on `part = "lead"`, ja yksi, jossa on `part = "rest"`; siinä on { $count }
hint-contacts-block = sijoita se sinne, missä se luetaan viimeisenä: viimeiselle sivulle tai taitetun arkin takapaneeliin
layout-unknown-colour = tyyli `{ $style }` käyttää väriä `{ $colour }`, jota `[colours]` ei määrittele
layout-style-range = tyylin `{ $style }` koko, riviväli, väli tai sisennys on sallitun alueen ulkopuolella
layout-frame-off-page = sivun { $page } (`{ $name }`) kehys ei ole sivulla
layout-no-colour = kohdassa `[colours]` ei ole väriä `{ $colour }`

## Kielet ja käännökset

locale-not-a-code = `{ $lang }` ei ole kielikoodi
hint-languages = saatavilla olevat kielet: { $langs }
locale-no-text = esitettä ei ole kielellä `{ $lang }`
hint-add-language-folder = kääntäjät lisäävät kielen kansioksi `locales/`-kansion alle
locale-pseudo-tag = pseudokielen koodia ei voi tulkita
locale-no-template = kielellä `{ $lang }` ei ole yhteystietopohjaa; tämän kommentit ovat kielellä `{ $reference }`
locale-no-files = kielikansiossa ei ole .ftl-tiedostoja
hint-copy-reference = kopioi kansion `locales/{ $reference }/` tiedostot ja käännä ne
locale-syntax = Fluent-syntaksivirhe ({ $detail })
locale-too-deep = aaltosulkeet { "{" } … { "}" } ovat tässä sisäkkäin yli { $max } tasoa syvältä
locale-bad-escape = lainausmerkkien sisällä olevassa koodissa pitää olla neljä heksadesimaalinumeroa \u:n jälkeen (kuusi \U:n jälkeen), kuten { "{" }"\u00A0"{ "}" }
locale-defined-twice = `{ $id }` on määritelty tällä kielellä kahdesti
locale-unformattable = viestiä `{ $id }` kielellä `{ $lang }` ei voi muotoilla ({ $detail })
locale-missing = viesti `{ $id }` puuttuu kieleltä `{ $lang }`
locale-no-attribute = viestillä `{ $id }` ei ole attribuuttia `.{ $attribute }` kielellä `{ $lang }`
hint-add-message = lisää se johonkin kielen .ftl-tiedostoon (katso sama tunnus kansiosta `locales/{ $reference }/`)

## Käännöksen tarkistus

check-no-reference = vertailukieltä `{ $reference }` ei ole
check-no-folder = kielikansiota `{ $lang }` ei ole
check-no-hyphenation = kielelle `{ $lang }` ei ole tavutusmalleja: esite ladotaan ilman tavutusta
hint-hyphenation-list = jos haluat sallia pitkien sanojen tavutuksen, kirjoita ne tiedostoon `{ $lang }/hyphenation.txt`
check-in-layout = taitto `{ $layout }`: { $problem }
check-pseudo = kolmanneksen pidemmällä tekstillä ({ $pseudo }): { $problem }
check-defined-twice = `{ $id }` on määritelty kahdesti
hint-first-defined = ensimmäinen määrittely on kohdassa { $place }
check-helpline = tukilinja `{ $id }` tarvitsee tekstin ja `.number`-attribuutin
hint-helpline = { $id } = mitä varten linja on
    {"      "}.number = 0200-239 500
check-unknown-reference = `{ $id }` viittaa kohteeseen `{ $target }`, jota ei ole
check-helpline-undated = tukipuhelin `{ $id }` ei kerro, milloin sen numero ja aukioloajat viimeksi tarkistettiin
hint-helpline-checked = tarkista ne palvelun omilta verkkosivuilta ja kirjoita sitten sen alle `.checked = { $month }`
check-helpline-bad-date = tukipuhelimella `{ $id }` on `.checked = { $value }`, joka ei ole muodossa 2026-11 kirjoitettu kuukausi
check-helpline-stale = tukipuhelin `{ $id }` tarkistettiin viimeksi { $month }, yli { $months } kuukautta sitten
build-helplines-unchecked = tukipuhelimia ei ole tarkistettu viimeisten { $months } kuukauden aikana: { $lines }; numerot ja aukioloajat ovat voineet muuttua
hint-helplines-unchecked = tarkista ne ennen tulostamista kunkin palvelun omilta verkkosivuilta (ja kerro kielen `{ $lang }` kääntäjille)
stale-line-checked-in = { $number } (tarkistettu { $month })
stale-line-never-checked = { $number } (ei tarkistettu)
check-no-glyph = mikään taiton `{ $layout }` fontti (`{ $font }` tai varafontti) ei osaa piirtää merkkiä `{ $char }` (U+{ $code }) viestissä `{ $id }`
hint-check-no-glyph = käytä toista merkkiä tai taittoa, jonka fontissa se on
check-straight-quote = viestissä `{ $id }` on suora { $char }, kirjoituskoneen merkki esitteen muiden typografisten lainausmerkkien joukossa
hint-straight-quote = käytä kielesi merkkejä: ’ heittomerkkinä, ” ” ruotsissa ja suomessa, “ ” ja ‘ ’ englannissa, « » ranskassa
hint-see = katso { $place }
check-no-messages-file = kielellä `{ $lang }` ei ole tiedostoa { $file }: leaflet puhuu englantia niille, jotka lukevat kieltä `{ $lang }`
hint-copy-messages = kopioi `locales/{ $reference }/{ $file }` ja käännä se
check-missing-term = termi `{ $id }` puuttuu kieleltä `{ $lang }`
check-missing-message = viesti `{ $id }` puuttuu kieleltä `{ $lang }`
check-missing-tool-message = { $problem }; sillä välin leaflet sanoo sen englanniksi
hint-translate-from = käännä se kohdasta { $place }
check-no-value = viestillä `{ $id }` ei ole tekstiä, vain attribuutteja
check-no-attribute = viestiltä `{ $id }` puuttuu attribuutti `.{ $attribute }`
check-not-in-reference = `{ $id }` ei ole vertailukielessä `{ $reference }`
hint-nothing-prints-it = mikään ei tulosta sitä: poista se tai tarkista oikeinkirjoitus
hint-nothing-prints-it-spelling = mikään ei tulosta sitä: poista se tai vertaa oikeinkirjoitusta vertailukieleen
hint-no-variables = `{ $id }` ei ota muuttujia
hint-known-variables = `{ $id }` tuntee muuttujat { $variables }; muuttujien nimiä ei käännetä
check-unknown-variable = `{ $id }` käyttää muuttujaa `${ $variable }`, jota vertailukieli ei tunne
check-unused-variable = `{ $id }` ei käytä muuttujaa `${ $variable }`; sen arvoa ei tulosteta
hint-did-you-mean-id = tarkoititko `{ $id }`? Vertailukielessä on se tunnus, ja tästä kielestä se puuttuu

## Verkkopalvelin

serve-cannot-listen = osoitteessa { $address } ei voi ottaa vastaan pyyntöjä ({ $detail })
serve-serving = leaflet: vastaanottaa pyyntöjä osoitteessa { $address } (Ctrl-C lopettaa)
serve-build-stopped = esitteen tekeminen keskeytyi odottamatta
serve-too-slow = esitteen tekeminen kesti liian kauan
serve-too-slow-form = esitteen tekeminen kesti liian kauan; yritä uudelleen
serve-busy = palvelin tekee jo niin monta esitettä kuin ehtii; yritä hetken päästä uudelleen
serve-busy-form = palvelimella on juuri nyt paljon työtä; odota hetki ja paina painiketta uudelleen
serve-logo-not-sent = logoa `{ $file }` ei lähetetty
hint-logo-part = lähetä se `logo`-osana tai poista `logo` yhteystietotiedostosta
hint-logo-part-form = valitse logotiedosto uudelleen
serve-unreadable = pyyntöä ei voitu lukea ({ $detail })
serve-unreadable-form = lomaketta ei voitu lukea; jokin tiedosto voi olla yli 5 Mt ({ $detail })
serve-bad-fillable = `fillable`-arvon pitää olla `true` tai `false`, ei `{ $value }`
serve-load-left-out = { $field }: lomakkeessa ei ole kenttää tekstille ”{ $text }” ({ $lang }), joten sitä ei haettu. Se on yhä tiedostossanne, mutta se ei tule mukaan, jos tallennatte tiedot tai teette esitteen tällä lomakkeella.
serve-load-left-out-more = { $count ->
        [one] ja yksi muu teksti, jolle lomakkeessa ei ole kenttää
       *[other] ja { $count } muuta tekstiä, joille lomakkeessa ei ole kenttiä
    }

## Komentorivi

build-overwrite = PDF-tiedosto kirjoittaisi yhteystietotiedoston päälle
hint-other-name = anna toinen tiedostonimi valitsimella -o
build-wrote = kirjoitettu { $file } ({ $pages } { $pages ->
        [one] sivu
       *[other] sivua
    }, { $kilobytes } kt)
batch-built = valmis: { $file }
batch-failed = epäonnistui: { $file } ({ $lang }):
batch-summary = { $built }/{ $total } esitettä valmiina ({ $kilobytes } kt), aikaa { $seconds } s{ $failed ->
        [0] {""}
       *[other] ; { $failed } epäonnistui
    }
check-summary = tarkistettu { $langs }: { $errors } { $errors ->
        [one] virhe
       *[other] virhettä
    }, { $warnings } { $warnings ->
        [one] varoitus
       *[other] varoitusta
    }
list-languages = kielet:
list-layouts = taitot:
serve-not-found = leaflet-serveä ei löydy ({ $detail })
serve-cannot-start = ohjelmaa { $program } ei voi käynnistää ({ $detail })
hint-serve-installed = leaflet-serve käännetään ja asennetaan leafletin mukana: `cargo build --release` tai `cargo install --path .` tekee molemmat
settings-source-date-epoch = SOURCE_DATE_EPOCH on annettava kokonaisina sekunteina vuodesta 1970 (vuoteen 9999 asti), ei `{ $value }`
