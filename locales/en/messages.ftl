# What leaflet says to a person: errors, warnings, hints, progress and
# summaries. Not printed in the leaflet.
#
# Variables: { $field } is a field, named as the reader knows it (the key in the
# contacts file, or the label on the web form); the others are file names,
# values, numbers and other messages, already in this language. An id ending
# in -form is what the web form says instead (an empty one says nothing there).
# A message missing here is said in English.

## Words around every message

severity-error = error
severity-warning = warning
severity-hint = hint
number-decimal-separator = .

## The contacts file

contacts-version = { $field } must be 1 (the only schema version there is)
contacts-no-organisation = the `[organisation]` table is missing
hint-add-organisation = add `[organisation]` with at least `name = "..."`
contacts-too-many-organisations = at most { $max } organisations share a contact page; this is organisation { $number }
hint-remove-organisation = remove an `[[organisation]]` section
contacts-given-twice = the first organisation's `{ $key }` is given twice
hint-given-twice = keep either the top-level `{ $key }` or the organisation's own `organisation.{ $key }`
contacts-contact-not-table = each { $field } must be a table with `name = "..."`
contacts-contact-not-sections = { $field } must be written as `[[{ $path }]]` sections
contacts-too-many-contacts = at most { $max } contacts fit the leaflet; this is contact { $number }
contacts-too-many-contacts-shared = with { $organisations } organisations, at most { $max } contacts fit the leaflet (each organisation after the first takes a contact's place on the page); this is contact { $number }
hint-remove-contact = remove a `[[{ $path }]]` section or give a shared phone number instead
hint-remove-contact-form = leave a contact person empty, or give a shared phone number instead
contacts-missing = { $field } is missing
contacts-missing-form = { $field } must be filled in
hint-add-key = add `{ $key } = "..."` under `{ $header }`
hint-add-key-form = {""}
contacts-not-file-name = { $field } must be a file name in quotes
contacts-not-list = { $field } must be a list of texts, e.g. lines = ["...", "..."]
contacts-not-table = { $field } must be a table: write it as a `[{ $path }]` section
contacts-unknown-key = { $field } is not a known key
hint-english-key = did you mean `{ $key }`? The keys are written in English
hint-did-you-mean = did you mean `{ $key }`?
hint-known-keys = known keys here: { $keys }
contacts-not-text-section = { $field } must be text in quotes, not a section
contacts-not-text = { $field } must be text in quotes, but it is { $found }
value-number = a number
value-boolean = true or false
value-date = a date
value-list = a list
value-other = something else
hint-write-text = write `{ $key } = { $example }`, or a table of languages: {"{"} sv = "...", fi = "..." {"}"}
contacts-not-language = `{ $lang }` in { $field } is not a language code
hint-language-codes = use language codes such as `sv` and `fi`
contacts-not-quoted = { $field } must be text in quotes
contacts-no-language = { $field } has no text in any language
contacts-empty = { $field } is empty
hint-fill-in = remove the line, or fill it in
hint-fill-in-form = fill it in, or leave the whole row empty
contacts-invisible = { $field } contains the invisible character U+{ $code }
contacts-control-character = the file holds the control character U+{ $code }, which a text editor does not show
contacts-too-many-marks = { $field } has { $marks } accent marks on one letter; at most { $max } are printed
hint-retype = retype the text; pasted text can carry control or direction characters
contacts-too-long = { $field } is { $chars } characters long; at most { $max } fit a leaflet
contacts-too-many-lines = { $field } has { $lines } lines; at most { $max } fit a leaflet
contacts-too-many-values = the file has { $values } keys and values; a contacts file has at most { $max } (most about 100)
contacts-more-problems = and { $count } more problems; fix the first ones and run again
contacts-not-phone = { $field } is not a phone number (fewer than 3 digits): "{ $text }"
hint-phone = write it as "0123-456 78"
contacts-not-email = { $field } is not an e-mail address: "{ $text }"
hint-email = write it as "name@example.se"
contacts-not-web = { $field } is not a web address: "{ $text }"
contacts-web-scheme = { $field } is not an address of a web page: "{ $text }"
hint-web = write it as "www.example.se/page"
contacts-logo = { $field } ({ $path }): { $problem }
contacts-language-fallback = { $field } has no `{ $lang }` text; printing the `{ $other }` text instead
contacts-language-fallback-form = { $field } has no text in this language; the leaflet prints the text of the other language instead
hint-add-language = add `{ $lang } = "..."` to { $field }
hint-add-language-form = fill in the text in this language too
contacts-not-toml = this is not valid TOML ({ $detail })
hint-english-key-letters = did you mean `{ $key }`? The keys are written in English, without å, ä and ö
hint-english-keys = the keys are written in English, without å, ä and ö (see `leaflet init`)
hint-quotes = put text in double quotes: { $key } = "{ $value }"

## Logos

image-unreadable = cannot read the logo ({ $detail })
image-not-file = the logo is not a file
image-too-large = the logo is { $megabytes } MB; at most { $max } MB are read
hint-smaller-logo = save a smaller copy: 1000 pixels across is plenty for print
hint-png-or-jpeg = save the logo as PNG or JPEG (in an image editor: Export as PNG)
image-not-png-or-jpeg = the logo is neither a PNG nor a JPEG image
image-no-pixels = the logo has no pixels
image-too-many-pixels = the logo is { $width } × { $height } pixels; at most { $max } pixels a side are accepted
image-not-compressed = the logo could not be compressed
image-not-png = the logo is not a readable PNG ({ $detail })
image-damaged = the image data is damaged
image-palette-damaged = its palette is damaged
image-transparency-damaged = its transparency is damaged
image-no-header = no header
image-too-large-to-decode = the logo is { $width } × { $height } pixels and saved interlaced, which is too much to read; save it again without interlacing, or smaller
image-not-jpeg = the logo is not a readable JPEG ({ $detail })
image-jpeg-16-bit = the logo is a 16-bit JPEG
image-jpeg-cmyk = the logo is a CMYK JPEG; save it in RGB
image-jpeg-incomplete = the logo JPEG is incomplete (the file ends too early); save or download it again

## Files

file-not-found = file not found
file-unreadable = cannot read this file ({ $detail })
folder-unreadable = cannot read this folder ({ $detail })
file-not-utf8 = this file is not UTF-8 text
file-unreadable-named = cannot read { $what } ({ $detail })
file-is-folder = this is a folder; give the path of { $what }
file-too-large = { $what } is { $bytes } bytes; at most { $max } bytes are read
file-not-utf8-named = { $what } is not UTF-8 text (invalid byte at offset { $offset })
hint-save-utf8 = save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)
what-contacts-file = the contacts file
what-layout-file = the layout file
file-not-regular = { $what } is not an ordinary file (but a device, a pipe or a socket); give the path of a file
what-data-file = the data file

## Print settings and output

settings-bleed-range = a bleed of { $bleed } mm is out of range (0 to { $max } mm)
hint-bleed = print shops usually ask for 3 mm
settings-booklet-for-print-shop = --impose booklet is for office printers; it cannot be combined with --bleed or --crop-marks
hint-booklet-for-print-shop = for a print shop, send the pages in reading order with --bleed 3 --crop-marks: the shop imposes them
settings-fillable-one-organisation = a fillable leaflet has the fields of one organisation; the contacts file has several
hint-fillable-one-organisation = build the leaflet without --fillable to print every organisation, or give a contacts file with one organisation
settings-fillable-direction = a fillable leaflet is not made in { $lang }: PDF readers fill fields in from left to right
form-value-too-long = { $field } does not fit its field in the form, even at { $size } pt; shorten it
settings-no-booklet = the layout `{ $layout }` cannot be imposed as a booklet: its pages do not fold into one
hint-booklet-layouts = print it as it is; --impose booklet is for these layouts: { $layouts }
output-unwritable = cannot write the PDF ({ $detail })
output-disk-full = no space left on the device
output-is-folder = is a folder; give a file name for the PDF
output-no-folder = the folder `{ $folder }` does not exist

## Batch

batch-no-files = this folder has no .toml files
batch-same-output = `{ $first }` and `{ $second }` would both write `{ $output }`
batch-same-language = the languages `{ $first }` and `{ $second }` give the same leaflet ({ $lang }); name each language once
hint-rename = rename one of them
batch-no-output-folder = cannot make the output folder ({ $detail })
batch-no-threads = cannot start the worker threads ({ $detail })

## Fonts, hyphenation and the PDF

pipeline-logo-alt = with --pdf-ua the logo needs a text alternative for screen readers
hint-logo-alt = add `logo_alt = "..."` beside `logo`, saying what the logo shows
hint-logo-alt-form = fill in "What the logo shows", for screen readers
font-not-font = this is not a TrueType or OpenType font
font-not-embedded = cannot embed the font `{ $font }` ({ $detail })
hyphenation-not-a-word = `{ $word }` is not one word with hyphens at its breaks
hint-hyphenation-word = write one word a line, e.g. `när-stående`
pdf-orphan-content = internal error: content on page { $page } ({ $tag }) has no place in the document's structure
hint-report-bug = this is a bug in leaflet; please report it with the contacts file and the command

## Typesetting

origin-message = message `{ $id }`
origin-field = field { $field }
origin-field-form = { $field }
typeset-overflow = page { $page } (`{ $name }`): the text is { $over } mm too long for its frame (about { $lines } { $lines ->
        [one] line
       *[other] lines
    } of { $size } pt)
typeset-overflow-smallest = page { $page } (`{ $name }`): the text is { $over } mm too long for its frame (about { $lines } { $lines ->
        [one] line
       *[other] lines
    } of { $size } pt), even at its smallest allowed size
hint-does-not-fit = does not fit: { $sources }
hint-shorten-messages = shorten these messages in `locales/{ $lang }/`
field-lines = { $field } ({ $lines } { $lines ->
        [one] line
       *[other] lines
    })
hint-shorten-contacts = shorten or leave out about { $lines } { $lines ->
        [one] line
       *[other] lines
    } of contact details in the contacts file, e.g. { $fields }
hint-shorten-contacts-form = shorten or leave out about { $lines } { $lines ->
        [one] line
       *[other] lines
    } of contact details, e.g. { $fields }
typeset-shrunk = the contact details are set at { $size } pt to fit their frame
hint-shrunk = below 12 pt is harder to read; shorten or leave out some details to keep 12 pt
typeset-logo-blurred = the logo prints at { $dpi } dpi ({ $width } × { $height } pixels for { $width-mm } × { $height-mm } mm); it may look blurred
hint-logo-pixels = use an image at least { $pixels } pixels wide
typeset-qr-too-long = the web address is too long for a { $size } mm QR code with modules of at least { $module } mm; the leaflet has none
hint-qr-shorter = a shorter address (a redirect such as www.example.se/stod) gets its QR code
typeset-label-too-wide = the label `{ $label }` is { $over } mm too wide for the label column of style `{ $style }`
hint-label-too-wide = shorten the label in the locale, or widen the style's `indent_mm` in the layout
typeset-unbreakable = "{ $text }" ({ $origin }) is { $over } mm wider than its frame and cannot be broken
hint-unbreakable = shorten it: phone numbers are never broken across lines, and an address breaks only before `/`, `.`, `@`, `-` and the like
hint-unbreakable-form = shorten it: a phone number never breaks across lines, and an address breaks only before / . @ - and the like
typeset-no-glyph = neither the font `{ $font }` nor its fallbacks can draw `{ $char }` (U+{ $code }) in { $origin }
hint-no-glyph = replace the character, or use a font that has it

## Layouts

layout-unknown = there is no layout `{ $layout }`
hint-layouts = layouts: { $names }
layout-invalid = invalid layout ({ $detail })
layout-page-size = `page` sizes must be between 0 and 2000 mm
layout-unknown-style = a block on page { $page } uses the style `{ $style }`, which `[styles]` does not define
layout-no-pages = the layout has no `[[pages]]`
layout-contacts-blocks = the layout must have one `contacts` block, or one with `part = "lead"` and one with `part = "rest"`; it has { $count }
hint-contacts-block = put it where it is read last: the final page, or the back panel of a folded sheet
layout-unknown-colour = style `{ $style }` uses the colour `{ $colour }`, which `[colours]` does not define
layout-style-range = style `{ $style }` has a size, leading, space or indent out of range
layout-frame-off-page = a frame on page { $page } (`{ $name }`) does not lie on the page
layout-no-colour = there is no colour `{ $colour }` in `[colours]`

## Languages and translations

locale-not-a-code = `{ $lang }` is not a language code
hint-languages = available languages: { $langs }
locale-no-text = there is no leaflet text in `{ $lang }`
hint-add-language-folder = translators add a language as a folder under `locales/`
locale-pseudo-tag = the pseudo-locale tag does not parse
locale-no-template = there is no contacts template in `{ $lang }`; this one has { $reference } comments
locale-no-files = this language folder has no .ftl files
hint-copy-reference = copy the files of `locales/{ $reference }/` and translate them
locale-syntax = Fluent syntax error ({ $detail })
locale-too-deep = the braces { "{" } … { "}" } nest more than { $max } levels deep here
locale-bad-escape = an escape in quotes needs four hexadecimal digits after \u (six after \U), as in { "{" }"\u00A0"{ "}" }
locale-defined-twice = `{ $id }` is defined twice in this language
locale-unformattable = message `{ $id }` in locale `{ $lang }` cannot be formatted ({ $detail })
locale-missing = message `{ $id }` is missing in locale `{ $lang }`
locale-no-attribute = message `{ $id }` has no `.{ $attribute }` attribute in locale `{ $lang }`
hint-add-message = add it to one of the locale's .ftl files (see the same id in `locales/{ $reference }/`)

## Checking a translation

check-no-reference = there is no reference locale `{ $reference }` to compare with
check-no-folder = there is no locale folder `{ $lang }`
check-no-hyphenation = there are no hyphenation patterns for `{ $lang }`: the leaflet is set without hyphenation
hint-hyphenation-list = to allow breaks in long words, list them in `{ $lang }/hyphenation.txt`
check-in-layout = layout `{ $layout }`: { $problem }
check-pseudo = with text a third longer ({ $pseudo }), { $problem }
check-defined-twice = `{ $id }` is defined twice
hint-first-defined = it is first defined in { $place }
check-helpline = the helpline `{ $id }` needs a text and a `.number`
hint-helpline = { $id } = what the line is for
    {"      "}.number = 0200-239 500
check-unknown-reference = `{ $id }` refers to `{ $target }`, which does not exist
check-helpline-undated = the helpline `{ $id }` does not say when its number and hours were last checked
hint-helpline-checked = check them at the service's own web site, then write `.checked = { $month }` under it
check-helpline-bad-date = the helpline `{ $id }` has `.checked = { $value }`, which is not a month written as 2026-11
check-helpline-stale = the helpline `{ $id }` was last checked { $month }, more than { $months } months ago
build-helplines-unchecked = the helplines were not checked in the last { $months } months: { $lines }; their numbers and hours may have changed
hint-helplines-unchecked = before you print, check them at each service's own web site (and tell the translators of `{ $lang }`)
stale-line-checked-in = { $number } (checked { $month })
stale-line-never-checked = { $number } (never checked)
check-no-glyph = no font of the layout `{ $layout }` (`{ $font }` or a fallback) can draw `{ $char }` (U+{ $code }) in `{ $id }`
hint-check-no-glyph = use another character, or a layout whose font has it
check-straight-quote = `{ $id }` has a straight { $char }, a typewriter mark beside the typographic quotation marks of the rest of the leaflet
hint-straight-quote = write the marks of your language: ’ for an apostrophe, ” ” in Swedish and Finnish, “ ” and ‘ ’ in English, « » in French
hint-see = see { $place }
check-no-messages-file = `{ $lang }` has no { $file }: leaflet speaks English to people who read `{ $lang }`
hint-copy-messages = copy `locales/{ $reference }/{ $file }` and translate it
check-missing-term = term `{ $id }` is missing from `{ $lang }`
check-missing-message = message `{ $id }` is missing from `{ $lang }`
check-missing-tool-message = { $problem }; leaflet says it in English meanwhile
hint-translate-from = translate it from { $place }
check-no-value = `{ $id }` has no text, only attributes
check-no-attribute = `{ $id }` lacks the attribute `.{ $attribute }`
check-not-in-reference = `{ $id }` is not in the reference locale `{ $reference }`
hint-nothing-prints-it = nothing prints it: remove it, or check its spelling
hint-nothing-prints-it-spelling = nothing prints it: remove it, or check its spelling against the reference
hint-no-variables = `{ $id }` takes no variables
hint-known-variables = `{ $id }` knows { $variables }; variable names stay untranslated
check-unknown-variable = `{ $id }` uses the variable `${ $variable }`, which the reference does not know
check-unused-variable = `{ $id }` does not use the variable `${ $variable }`; its value will not be printed
hint-did-you-mean-id = did you mean `{ $id }`? The reference has that id and this locale lacks it

## The web server

serve-cannot-listen = cannot serve on { $address } ({ $detail })
serve-serving = leaflet: serving { $address } (Ctrl-C stops)
serve-build-stopped = the build stopped unexpectedly
serve-too-slow = making the leaflet took too long
serve-too-slow-form = making the leaflet took too long; please try again
serve-busy = the server is already making as many leaflets as it can; try again in a moment
serve-busy-form = the server is busy just now; wait a moment and press the button again
serve-logo-not-sent = the logo `{ $file }` was not uploaded
hint-logo-part = send it as a `logo` part, or remove `logo` from the contacts file
hint-logo-part-form = choose the logo file again
serve-unreadable = the request could not be read ({ $detail })
serve-unreadable-form = the form could not be read; a file may be over 5 MB ({ $detail })
serve-bad-fillable = `fillable` must be `true` or `false`, not `{ $value }`
serve-load-left-out = { $field }: the form has no box for the text “{ $text }” ({ $lang }), so it was not loaded. It is still in your file, but it will not be in the details you save or the leaflet you make here.
serve-load-left-out-more = { $count ->
        [one] and one more text the form has no box for
       *[other] and { $count } more texts the form has no boxes for
    }

## The command line

build-overwrite = the output would overwrite the contacts file
hint-other-name = give another file name with -o
build-wrote = wrote { $file } ({ $pages } { $pages ->
        [one] page
       *[other] pages
    }, { $kilobytes } KB)
batch-built = built { $file }
batch-failed = failed { $file } ({ $lang }):
batch-summary = built { $built } of { $total } leaflets ({ $kilobytes } KB) in { $seconds } s{ $failed ->
        [0] {""}
       *[other] ; { $failed } failed
    }
check-summary = checked { $langs }: { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
list-languages = languages:
list-layouts = layouts:
serve-not-found = cannot find leaflet-serve ({ $detail })
serve-cannot-start = cannot start { $program } ({ $detail })
hint-serve-installed = leaflet-serve is built and installed with leaflet: `cargo build --release` or `cargo install --path .` makes both
settings-source-date-epoch = SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to the year 9999), not `{ $value }`
