# Page 3: what support there is.

support-heading = There is support for you
support-law = 
    Your municipality must offer you support, whatever the diagnosis or age of the
    person you help, and even if they get no help from the municipality themselves.
    The Social Services Act (socialtjänstlagen) says so.
support-free-intro = Some support needs no application. It is usually free, and you can often stay anonymous:
support-talk = someone who listens and keeps what you say confidential, on your own or with others
support-groups = carers’ groups where you meet others in the same situation
support-info = information, courses and activities that help you feel well
support-assessed-intro = Other support follows an assessment of what you and the person you help need. There may be a fee:
support-relief = someone to take over at home for a while, so that you get time for yourself
support-respite = respite care or a short-term stay, when you need a longer rest
support-day = day activities for the person you help
support-money = 
    Some municipalities also give financial support. If you take time off work to
    care for someone whose illness threatens their life, you may get the benefit
    for care of closely related persons (närståendepenning) from the Swedish Social
    Insurance Agency (Försäkringskassan).
support-ask = 
    Support differs between municipalities: ask yours, your health centre
    (vårdcentral) or psychiatric care. The contact details are under “{ contact-heading }”.
