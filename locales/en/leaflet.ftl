# Leaflet text, English, for readers in Sweden who read English more easily than
# Swedish. It describes support in Sweden. One message is one paragraph.

## Document metadata

# The title a PDF viewer shows; $organisation is the organisation's name.
document-title = Support when you help someone close to you – { $organisation }
document-title-blank = Support when you help someone close to you
document-subject = Information about support for carers from your municipality
document-keywords = carer, carer support, family, support, respite, carers’ group

## Page 1: cover

cover-title = Do you help someone close to you?
cover-subtitle = Then you are a carer. There is support for you, and some of it is free.

## Page 2: who is a carer

carer-heading = Are you a carer?
carer-intro =
    You are a carer if you help, support or look after someone close to you.
    It may be your partner, a parent, a child, a friend or a neighbour. They may
    have a long-term illness, mental ill-health, a disability or an addiction,
    or need help because they have grown old.
carer-help =
    Help comes in many forms. Perhaps you do the shopping, pay bills, go with
    them to the doctor or are there when things are hard. You do not have to
    live together. You can be young or old, and you can work or study as well.
carer-fact = Nearly one adult in five in Sweden helps or supports someone close to them.
carer-many =
    So you are not alone. Many have cut their working hours or stopped working
    to make everyday life work.
carer-own = 
    What you do for them, you do by choice. You may say no, and you may look
    after yourself too. It is common to feel tired, worried or lonely. Asking
    for support is not a failure. It helps you to keep going, and it often
    helps the person you care about as well.
