# Leaflet text, Swedish (reference locale).
# One message is one paragraph. Write short sentences in plain Swedish, "du" form.
# The layout file decides on which page each message stands.

## Document metadata

# The title a PDF viewer shows; $organisation is the organisation's name.
document-title = Stöd till dig som hjälper en närstående – { $organisation }
document-title-blank = Stöd till dig som hjälper en närstående
document-subject = Information om anhörigstöd i kommunen
document-keywords = anhörig, anhörigstöd, närstående, stöd, avlösning, anhöriggrupp

## Page 1: cover

cover-title = Hjälper du någon som står dig nära?
cover-subtitle = Då är du anhörig. Det finns stöd för dig, och en del av det är gratis.

## Page 2: who is a carer

carer-heading = Är du anhörig?
carer-intro =
    Du är anhörig om du hjälper, stöttar eller vårdar någon i din närhet.
    Det kan vara din partner, en förälder, ett barn, en vän eller en granne.
    Personen kan ha en långvarig sjukdom, psykisk ohälsa, en funktionsnedsättning
    eller ett beroende, eller behöva hjälp för att hen har blivit gammal.
carer-help =
    Hjälpen kan se ut på många sätt. Du kanske handlar, betalar räkningar, följer
    med till vården eller finns där när det är tungt. Ni behöver inte bo ihop.
    Du kan vara ung eller gammal, och du kan arbeta eller studera samtidigt.
carer-fact = Nästan var femte vuxen i Sverige hjälper eller stöttar en närstående.
carer-many =
    Du är alltså inte ensam. Många har gått ner i arbetstid eller slutat arbeta
    för att få vardagen att gå ihop.
carer-own = 
    Det du gör för din närstående gör du frivilligt. Du får säga nej, och du får
    ta hand om dig själv också. Det är vanligt att känna sig trött, orolig eller
    ensam. Att be om stöd är inget misslyckande. Det hjälper dig att orka, och
    ofta hjälper det också den du bryr dig om.
