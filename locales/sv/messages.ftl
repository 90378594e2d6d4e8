# Det leaflet säger till en person: fel, varningar, tips, förlopp och
# sammanfattningar. Trycks inte i foldern.
#
# Variabler: { $field } är ett fält, så som läsaren känner det (nyckeln i
# kontaktfilen eller etiketten i webbformuläret); de andra är filnamn, värden,
# tal och andra meddelanden, redan på det här språket. Ett id som slutar på
# -form är det webbformuläret säger i stället (ett tomt säger ingenting där).
# Ett meddelande som saknas här sägs på engelska.
#
# Nycklarna i kontaktfilen (name, phone ...) och det som står inom `...` i
# kommandon och filer översätts inte: det är så de skrivs.

## Ord runt varje meddelande

severity-error = fel
severity-warning = varning
severity-hint = tips
number-decimal-separator = ,

## Kontaktfilen

contacts-version = { $field } måste vara 1 (den enda versionen av formatet)
contacts-no-organisation = tabellen `[organisation]` saknas
hint-add-organisation = lägg till `[organisation]` med åtminstone `name = "..."`
contacts-too-many-organisations = högst { $max } organisationer får plats på en kontaktsida; det här är organisation { $number }
hint-remove-organisation = ta bort ett `[[organisation]]`-avsnitt
contacts-given-twice = den första organisationens `{ $key }` står två gånger
hint-given-twice = behåll antingen `{ $key }` högst upp i filen eller organisationens egen `organisation.{ $key }`
contacts-contact-not-table = varje { $field } måste vara en tabell med `name = "..."`
contacts-contact-not-sections = { $field } måste skrivas som `[[{ $path }]]`-avsnitt
contacts-too-many-contacts = högst { $max } kontaktpersoner får plats i foldern; det här är kontaktperson { $number }
contacts-too-many-contacts-shared = med { $organisations } organisationer får högst { $max } kontaktpersoner plats i foldern (varje organisation efter den första tar en kontaktpersons plats på sidan); det här är kontaktperson { $number }
hint-remove-contact = ta bort ett `[[{ $path }]]`-avsnitt eller ange ett gemensamt telefonnummer i stället
hint-remove-contact-form = lämna en kontaktperson tom, eller ange ett gemensamt telefonnummer i stället
contacts-missing = { $field } saknas
contacts-missing-form = { $field } måste fyllas i
hint-add-key = lägg till `{ $key } = "..."` under `{ $header }`
hint-add-key-form = {""}
contacts-not-file-name = { $field } måste vara ett filnamn inom citattecken
contacts-not-list = { $field } måste vara en lista med texter, t.ex. lines = ["...", "..."]
contacts-not-table = { $field } måste vara en tabell: skriv det som ett `[{ $path }]`-avsnitt
contacts-unknown-key = { $field } är ingen känd nyckel
hint-english-key = menade du `{ $key }`? Nycklarna skrivs på engelska
hint-did-you-mean = menade du `{ $key }`?
hint-known-keys = kända nycklar här: { $keys }
contacts-not-text-section = { $field } måste vara text inom citattecken, inte ett avsnitt
contacts-not-text = { $field } måste vara text inom citattecken, men det är { $found }
value-number = ett tal
value-boolean = true eller false
value-date = ett datum
value-list = en lista
value-other = något annat
hint-write-text = skriv `{ $key } = { $example }`, eller en tabell med språk: {"{"} sv = "...", fi = "..." {"}"}
contacts-not-language = `{ $lang }` i { $field } är ingen språkkod
hint-language-codes = använd språkkoder som `sv` och `fi`
contacts-not-quoted = { $field } måste vara text inom citattecken
contacts-no-language = { $field } har ingen text på något språk
contacts-empty = { $field } är tomt
hint-fill-in = ta bort raden eller fyll i den
hint-fill-in-form = fyll i det, eller lämna hela raden tom
contacts-invisible = { $field } innehåller det osynliga tecknet U+{ $code }
contacts-control-character = filen innehåller styrtecknet U+{ $code }, som en textredigerare inte visar
contacts-too-many-marks = { $field } har { $marks } accenttecken på samma bokstav; högst { $max } skrivs ut
hint-retype = skriv om texten; inklistrad text kan bära med sig styr- och riktningstecken
contacts-too-long = { $field } är { $chars } tecken lång; högst { $max } får plats i en folder
contacts-too-many-lines = { $field } har { $lines } rader; högst { $max } ryms i en folder
contacts-too-many-values = filen har { $values } nycklar och värden; en kontaktfil har högst { $max } (de flesta runt 100)
contacts-more-problems = och { $count } problem till; rätta de första och kör igen
contacts-not-phone = { $field } är inget telefonnummer (färre än 3 siffror): "{ $text }"
hint-phone = skriv det som "0123-456 78"
contacts-not-email = { $field } är ingen e-postadress: "{ $text }"
hint-email = skriv den som "namn@exempel.se"
contacts-not-web = { $field } är ingen webbadress: "{ $text }"
contacts-web-scheme = { $field } är ingen webbadress som leder till en webbsida: "{ $text }"
hint-web = skriv den som "www.exempel.se/sida"
contacts-logo = { $field } ({ $path }): { $problem }
contacts-language-fallback = { $field } har ingen text på `{ $lang }`; texten på `{ $other }` trycks i stället
contacts-language-fallback-form = { $field } har ingen text på det här språket; foldern får texten på det andra språket i stället
hint-add-language = lägg till `{ $lang } = "..."` i { $field }
hint-add-language-form = fyll i texten på det här språket också
contacts-not-toml = det här är inte giltig TOML ({ $detail })
hint-english-key-letters = menade du `{ $key }`? Nycklarna skrivs på engelska, utan å, ä och ö
hint-english-keys = nycklarna skrivs på engelska, utan å, ä och ö (se `leaflet init`)
hint-quotes = skriv text inom raka citattecken: { $key } = "{ $value }"

## Logotyper

image-unreadable = kan inte läsa logotypen ({ $detail })
image-not-file = logotypen är inte en fil
image-too-large = logotypen är { $megabytes } MB; högst { $max } MB läses
hint-smaller-logo = spara en mindre kopia: 1000 pixlar på bredden räcker gott i tryck
hint-png-or-jpeg = spara logotypen som PNG eller JPEG (i ett bildprogram: Exportera som PNG)
image-not-png-or-jpeg = logotypen är varken en PNG- eller en JPEG-bild
image-no-pixels = logotypen har inga pixlar
image-too-many-pixels = logotypen är { $width } × { $height } pixlar; högst { $max } pixlar per sida tas emot
image-not-compressed = logotypen gick inte att komprimera
image-not-png = logotypen är ingen läsbar PNG ({ $detail })
image-damaged = bilddata är skadade
image-palette-damaged = paletten är skadad
image-transparency-damaged = genomskinligheten är skadad
image-no-header = inget filhuvud
image-too-large-to-decode = logotypen är { $width } × { $height } pixlar och sparad sammanflätad (interlaced), och då är den för stor för att läsas in; spara den igen utan sammanflätning, eller mindre
image-not-jpeg = logotypen är ingen läsbar JPEG ({ $detail })
image-jpeg-16-bit = logotypen är en 16-bitars JPEG
image-jpeg-cmyk = logotypen är en CMYK-JPEG; spara den i RGB
image-jpeg-incomplete = logotypens JPEG-fil tar slut för tidigt, så bilden är ofullständig; spara den igen eller ladda ner den på nytt

## Filer

file-not-found = filen finns inte
file-unreadable = kan inte läsa filen ({ $detail })
folder-unreadable = kan inte läsa mappen ({ $detail })
file-not-utf8 = filen är inte UTF-8-text
file-unreadable-named = kan inte läsa { $what } ({ $detail })
file-is-folder = det här är en mapp; ange sökvägen till { $what }
file-too-large = { $what } är { $bytes } byte; högst { $max } byte läses
file-not-utf8-named = { $what } är inte UTF-8-text (ogiltig byte vid position { $offset })
hint-save-utf8 = spara filen som UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8)
what-contacts-file = kontaktfilen
what-layout-file = layoutfilen
file-not-regular = { $what } är ingen vanlig fil (utan en enhet, en pipe eller en socket); ange sökvägen till en fil
what-data-file = datafilen

## Tryckinställningar och utdata

settings-bleed-range = en utfallande kant på { $bleed } mm går inte (0 till { $max } mm)
hint-bleed = tryckerier brukar vilja ha 3 mm
settings-booklet-for-print-shop = --impose booklet är för kontorsskrivare; det går inte att kombinera med --bleed eller --crop-marks
hint-booklet-for-print-shop = till ett tryckeri skickar du sidorna i läsordning med --bleed 3 --crop-marks: tryckeriet ordnar dem själv
settings-fillable-one-organisation = en ifyllbar folder har fält för en organisation; kontaktfilen har flera
hint-fillable-one-organisation = bygg foldern utan --fillable, så skrivs alla organisationer ut; eller ge en kontaktfil med en organisation
settings-fillable-direction = en ifyllbar folder finns inte på { $lang }: PDF-läsare fyller i fält från vänster till höger
form-value-too-long = { $field } ryms inte i sitt fält i formuläret, inte ens i { $size } punkter; korta texten
settings-no-booklet = layouten `{ $layout }` kan inte ordnas som ett häfte: dess sidor viks inte till ett
hint-booklet-layouts = skriv ut den som den är; --impose booklet är till för de här layouterna: { $layouts }
output-unwritable = kan inte skriva PDF-filen ({ $detail })
output-disk-full = det finns inget utrymme kvar på enheten
output-is-folder = är en mapp; ange ett filnamn för PDF-filen
output-no-folder = mappen `{ $folder }` finns inte

## Flera filer på en gång

batch-no-files = mappen har inga .toml-filer
batch-same-output = `{ $first }` och `{ $second }` skulle båda skriva `{ $output }`
batch-same-language = språken `{ $first }` och `{ $second }` ger samma folder ({ $lang }); ange varje språk en gång
hint-rename = byt namn på en av dem
batch-no-output-folder = kan inte skapa mappen för utdata ({ $detail })
batch-no-threads = kan inte starta arbetstrådarna ({ $detail })

## Typsnitt, avstavning och PDF

pipeline-logo-alt = med --pdf-ua behöver logotypen en textbeskrivning för skärmläsare
hint-logo-alt = lägg till `logo_alt = "..."` bredvid `logo` och säg vad logotypen visar
hint-logo-alt-form = fyll i ”Vad logotypen visar, för skärmläsare”
font-not-font = det här är inget TrueType- eller OpenType-typsnitt
font-not-embedded = kan inte bädda in typsnittet `{ $font }` ({ $detail })
hyphenation-not-a-word = `{ $word }` är inte ett ord med bindestreck där det får avstavas
hint-hyphenation-word = skriv ett ord per rad, t.ex. `när-stående`
pdf-orphan-content = internt fel: innehåll på sidan { $page } ({ $tag }) har ingen plats i dokumentets struktur
hint-report-bug = det här är ett fel i leaflet; rapportera det tillsammans med kontaktfilen och kommandot

## Sättning

origin-message = meddelandet `{ $id }`
origin-field = fältet { $field }
origin-field-form = { $field }
typeset-overflow = sidan { $page } (`{ $name }`): texten är { $over } mm för lång för sin ram (ungefär { $lines } { $lines ->
        [one] rad
       *[other] rader
    } i { $size } pt)
typeset-overflow-smallest = sidan { $page } (`{ $name }`): texten är { $over } mm för lång för sin ram (ungefär { $lines } { $lines ->
        [one] rad
       *[other] rader
    } i { $size } pt), fast den redan är satt i minsta tillåtna storlek
hint-does-not-fit = får inte plats: { $sources }
hint-shorten-messages = korta de här meddelandena i `locales/{ $lang }/`
field-lines = { $field } ({ $lines } { $lines ->
        [one] rad
       *[other] rader
    })
hint-shorten-contacts = korta eller ta bort ungefär { $lines } { $lines ->
        [one] rad
       *[other] rader
    } kontaktuppgifter i kontaktfilen, t.ex. { $fields }
hint-shorten-contacts-form = korta eller ta bort ungefär { $lines } { $lines ->
        [one] rad
       *[other] rader
    } kontaktuppgifter, t.ex. { $fields }
typeset-shrunk = kontaktuppgifterna är satta i { $size } pt för att få plats i sin ram
hint-shrunk = under 12 pt är svårare att läsa; korta eller ta bort några uppgifter för att behålla 12 pt
typeset-logo-blurred = logotypen trycks med { $dpi } dpi ({ $width } × { $height } pixlar för { $width-mm } × { $height-mm } mm); den kan se suddig ut
hint-logo-pixels = använd en bild som är minst { $pixels } pixlar bred
typeset-qr-too-long = webbadressen är för lång för en QR-kod på { $size } mm med moduler på minst { $module } mm; foldern får ingen QR-kod
hint-qr-shorter = en kortare adress (en vidarebefordran som www.exempel.se/stod) får sin QR-kod
typeset-label-too-wide = etiketten `{ $label }` är { $over } mm för bred för etikettkolumnen i stilen `{ $style }`
hint-label-too-wide = korta etiketten i språkfilerna, eller gör stilens `indent_mm` bredare i layouten
typeset-unbreakable = "{ $text }" ({ $origin }) är { $over } mm bredare än sin ram och går inte att bryta
hint-unbreakable = korta den: telefonnummer delas aldrig mellan rader, och en adress bryts bara före `/`, `.`, `@`, `-` och liknande
hint-unbreakable-form = korta den: telefonnummer delas aldrig mellan rader, och en adress bryts bara före / . @ - och liknande tecken
typeset-no-glyph = varken typsnittet `{ $font }` eller dess reserver kan visa `{ $char }` (U+{ $code }) i { $origin }
hint-no-glyph = byt ut tecknet, eller använd ett typsnitt som har det

## Layouter

layout-unknown = det finns ingen layout som heter `{ $layout }`
hint-layouts = layouter: { $names }
layout-invalid = ogiltig layout ({ $detail })
layout-page-size = storlekarna i `page` måste vara mellan 0 och 2000 mm
layout-unknown-style = ett block på sidan { $page } använder stilen `{ $style }`, som `[styles]` inte definierar
layout-no-pages = layouten har inga `[[pages]]`
layout-contacts-blocks = layouten måste ha ett `contacts`-block, eller ett med `part = "lead"` och ett med `part = "rest"`; den har { $count }
hint-contacts-block = lägg det där det läses sist: på sista sidan, eller på baksidan av ett vikt blad
layout-unknown-colour = stilen `{ $style }` använder färgen `{ $colour }`, som `[colours]` inte definierar
layout-style-range = stilen `{ $style }` har en storlek, ett radavstånd, ett mellanrum eller ett indrag utanför det tillåtna
layout-frame-off-page = en ram på sidan { $page } (`{ $name }`) ligger inte på sidan
layout-no-colour = det finns ingen färg `{ $colour }` i `[colours]`

## Språk och översättningar

locale-not-a-code = `{ $lang }` är ingen språkkod
hint-languages = språk som finns: { $langs }
locale-no-text = foldern finns inte på `{ $lang }`
hint-add-language-folder = översättare lägger till ett språk som en mapp under `locales/`
locale-pseudo-tag = pseudospråkets kod går inte att tolka
locale-no-template = det finns ingen kontaktfilsmall på `{ $lang }`; den här har kommentarer på `{ $reference }`
locale-no-files = språkmappen har inga .ftl-filer
hint-copy-reference = kopiera filerna i `locales/{ $reference }/` och översätt dem
locale-syntax = syntaxfel i Fluent ({ $detail })
locale-too-deep = klamrarna { "{" } … { "}" } är nästlade mer än { $max } nivåer djupt här
locale-bad-escape = en kod inom citattecken behöver fyra hexadecimala siffror efter \u (sex efter \U), som i { "{" }"\u00A0"{ "}" }
locale-defined-twice = `{ $id }` finns två gånger i det här språket
locale-unformattable = meddelandet `{ $id }` i språket `{ $lang }` går inte att formatera ({ $detail })
locale-missing = meddelandet `{ $id }` saknas i språket `{ $lang }`
locale-no-attribute = meddelandet `{ $id }` har inget attribut `.{ $attribute }` i språket `{ $lang }`
hint-add-message = lägg till det i en av språkets .ftl-filer (se samma id i `locales/{ $reference }/`)

## Kontroll av en översättning

check-no-reference = det finns inget referensspråk `{ $reference }` att jämföra med
check-no-folder = det finns ingen språkmapp `{ $lang }`
check-no-hyphenation = det finns inga avstavningsmönster för `{ $lang }`: foldern sätts utan avstavning
hint-hyphenation-list = för att tillåta avstavning i långa ord, skriv dem i `{ $lang }/hyphenation.txt`
check-in-layout = layouten `{ $layout }`: { $problem }
check-pseudo = med en tredjedel längre text ({ $pseudo }): { $problem }
check-defined-twice = `{ $id }` finns två gånger
hint-first-defined = den första finns i { $place }
check-helpline = stödlinjen `{ $id }` behöver en text och ett `.number`
hint-helpline = { $id } = vad linjen är till för
    {"      "}.number = 0200-239 500
check-unknown-reference = `{ $id }` hänvisar till `{ $target }`, som inte finns
check-helpline-undated = stödlinjen `{ $id }` säger inte när nummer och öppettider senast kontrollerades
hint-helpline-checked = kontrollera dem på tjänstens egen webbplats och skriv sedan `.checked = { $month }` under den
check-helpline-bad-date = stödlinjen `{ $id }` har `.checked = { $value }`, som inte är en månad skriven som 2026-11
check-helpline-stale = stödlinjen `{ $id }` kontrollerades senast { $month }, för mer än { $months } månader sedan
build-helplines-unchecked = stödlinjerna har inte kontrollerats de senaste { $months } månaderna: { $lines }; nummer och öppettider kan ha ändrats
hint-helplines-unchecked = kontrollera dem på varje tjänsts egen webbplats innan du skriver ut (och säg till dem som översätter `{ $lang }`)
stale-line-checked-in = { $number } (kontrollerad { $month })
stale-line-never-checked = { $number } (aldrig kontrollerad)
check-no-glyph = inget typsnitt i layouten `{ $layout }` (`{ $font }` eller en reserv) kan visa `{ $char }` (U+{ $code }) i `{ $id }`
hint-check-no-glyph = använd ett annat tecken, eller en layout vars typsnitt har det
check-straight-quote = `{ $id }` har ett rakt { $char }, ett skrivmaskinstecken bland resten av folderns typografiska citattecken
hint-straight-quote = skriv ditt språks tecken: ’ som apostrof, ” ” på svenska och finska, “ ” och ‘ ’ på engelska, « » på franska
hint-see = se { $place }
check-no-messages-file = `{ $lang }` har ingen { $file }: leaflet talar engelska med dem som läser `{ $lang }`
hint-copy-messages = kopiera `locales/{ $reference }/{ $file }` och översätt den
check-missing-term = termen `{ $id }` saknas i `{ $lang }`
check-missing-message = meddelandet `{ $id }` saknas i `{ $lang }`
check-missing-tool-message = { $problem }; under tiden säger leaflet det på engelska
hint-translate-from = översätt det från { $place }
check-no-value = `{ $id }` har ingen text, bara attribut
check-no-attribute = `{ $id }` saknar attributet `.{ $attribute }`
check-not-in-reference = `{ $id }` finns inte i referensspråket `{ $reference }`
hint-nothing-prints-it = ingenting skriver ut det: ta bort det, eller kontrollera stavningen
hint-nothing-prints-it-spelling = ingenting skriver ut det: ta bort det, eller jämför stavningen med referensspråket
hint-no-variables = `{ $id }` tar inga variabler
hint-known-variables = `{ $id }` känner till { $variables }; variablernas namn översätts inte
check-unknown-variable = `{ $id }` använder variabeln `${ $variable }`, som referensspråket inte känner till
check-unused-variable = `{ $id }` använder inte variabeln `${ $variable }`; dess värde kommer inte att skrivas ut
hint-did-you-mean-id = menade du `{ $id }`? Referensspråket har det id:t och det här språket saknar det

## Webbservern

serve-cannot-listen = kan inte ta emot anrop på { $address } ({ $detail })
serve-serving = leaflet: tar emot anrop på { $address } (Ctrl-C avslutar)
serve-build-stopped = bygget avbröts oväntat
serve-too-slow = det tog för lång tid att göra foldern
serve-too-slow-form = det tog för lång tid att göra foldern; försök igen
serve-busy = servern gör redan så många foldrar den kan; försök igen om en stund
serve-busy-form = servern har mycket att göra just nu; vänta en stund och tryck på knappen igen
serve-logo-not-sent = logotypen `{ $file }` laddades inte upp
hint-logo-part = skicka den som en `logo`-del, eller ta bort `logo` ur kontaktfilen
hint-logo-part-form = välj logotypfilen igen
serve-unreadable = anropet gick inte att läsa ({ $detail })
serve-unreadable-form = formuläret gick inte att läsa; en fil kan vara större än 5 MB ({ $detail })
serve-bad-fillable = `fillable` ska vara `true` eller `false`, inte `{ $value }`
serve-load-left-out = { $field }: formuläret har ingen ruta för texten ”{ $text }” ({ $lang }), så den hämtades inte. Den finns kvar i er fil, men kommer inte med om ni sparar uppgifterna eller gör foldern här.
serve-load-left-out-more = { $count ->
        [one] och en text till som formuläret inte har någon ruta för
       *[other] och { $count } texter till som formuläret inte har rutor för
    }

## Kommandoraden

build-overwrite = PDF-filen skulle skriva över kontaktfilen
hint-other-name = ange ett annat filnamn med -o
build-wrote = skrev { $file } ({ $pages } { $pages ->
        [one] sida
       *[other] sidor
    }, { $kilobytes } kB)
batch-built = klar: { $file }
batch-failed = misslyckades: { $file } ({ $lang }):
batch-summary = { $built } av { $total } foldrar klara ({ $kilobytes } kB) på { $seconds } s{ $failed ->
        [0] {""}
       *[other] ; { $failed } misslyckades
    }
check-summary = kontrollerade { $langs }: { $errors } fel, { $warnings } { $warnings ->
        [one] varning
       *[other] varningar
    }
list-languages = språk:
list-layouts = layouter:
serve-not-found = hittar inte leaflet-serve ({ $detail })
serve-cannot-start = kan inte starta { $program } ({ $detail })
hint-serve-installed = leaflet-serve byggs och installeras tillsammans med leaflet: `cargo build --release` eller `cargo install --path .` gör båda
settings-source-date-epoch = SOURCE_DATE_EPOCH måste vara hela sekunder sedan 1970 (fram till år 9999), inte `{ $value }`
