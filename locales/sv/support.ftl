# Page 3: what support there is.

support-heading = Det finns stöd för dig
support-law = 
    Kommunen ska erbjuda dig stöd, oavsett din närståendes diagnos och ålder och
    även om hen inte får någon hjälp från kommunen. Det står i socialtjänstlagen.
support-free-intro = En del stöd får du utan att ansöka. Det är oftast gratis, och du kan ofta vara anonym:
support-talk = samtal med någon som lyssnar och har tystnadsplikt, ensam eller tillsammans med andra
support-groups = anhöriggrupper där du träffar andra i samma situation
support-info = information, kurser och aktiviteter som hjälper dig att må bra
support-assessed-intro = Annat stöd får du efter en bedömning av vad du och din närstående behöver. Det kan kosta en avgift:
support-relief = avlösning i hemmet, så att du får tid för dig själv
support-respite = växelvård eller korttidsboende, när du behöver vila längre
support-day = dagverksamhet för din närstående
support-money = 
    En del kommuner ger också ekonomiskt stöd. Om du är ledig från jobbet för att
    vårda någon vars sjukdom är ett allvarligt hot mot livet kan du få
    närståendepenning från Försäkringskassan.
support-ask = 
    Stödet ser olika ut i olika kommuner. Fråga i din kommun, på vårdcentralen
    eller i psykiatrin. Kontaktuppgifterna hittar du under ”{ contact-heading }”.
