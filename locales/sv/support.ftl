# Page 3: what support there is.

support-heading = Det finns stöd för dig
support-law =
    Kommunen ska erbjuda stöd till dig som hjälper en närstående. Det står
    i socialtjänstlagen och gäller oavsett diagnos och ålder.
support-free-intro = En del stöd får du utan att ansöka. Det är oftast gratis:
support-talk = samtal med någon som lyssnar, ensam eller tillsammans med andra
support-groups = anhöriggrupper där du träffar andra i samma situation
support-info = information, kurser och aktiviteter som hjälper dig att må bra
support-assessed-intro = Annat stöd får du efter en bedömning av vad du och din närstående behöver:
support-relief = avlösning i hemmet, så att du får tid för dig själv
support-respite = växelvård eller korttidsboende, när du behöver vila längre
support-day = dagverksamhet för din närstående
support-money =
    En del kommuner ger också ekonomiskt stöd. Om du är ledig från jobbet för att
    vårda någon som är svårt sjuk kan du få närståendepenning från Försäkringskassan.
support-ask =
    Stödet ser olika ut i olika kommuner. Fråga vad som finns där du bor.
    Du hittar kontaktuppgifterna på sista sidan.
