"""The session-state keys the shell, the filter bar and presentation mode share, in one place (no imports).

Keys starting with "_" are the app's own bookkeeping; the f_* keys are the filter bar's widgets (tests read them)."""

# The filter bar's widgets
PROVINCES = "f_tinh"
YEARS = "f_nam"
SCHEME = "f_ranh_gioi"
LANG = "f_lang"
LEVELS = "f_cap"  # which visits: the visiting body's level,
KINDS = "f_loai"  # the kind of visit,
BODIES = "f_co_quan"  # the visiting body
FILTER_WIDGETS = (PROVINCES, YEARS, SCHEME, LANG, LEVELS, KINDS, BODIES)

FILTER = "_filter"  # the filter's last values, for widgets that start afresh (dict keyed as above)
NOTES = "_notes"  # what a shared link asked for that could not be shown
LINK = "_link"  # the views' choices a shared link asked for, until each page's widget takes its own
PENDING_PROVINCES = "_pending_tinh"  # a page asked to open a province (a click on the map)
VIEW = "_view"  # the View the shell built in this run
URL = "_url"  # the query parameters this run writes to the address bar, once, at its end (view.write_url)
ASKED = "_asked"  # the views' choices the address holds at this run's start (Back to a view: its widgets restart)
IN_SHELL = "_in_shell"  # this run went through the shell (see view.current)
PATH_CHECKED = "_path_checked"  # the session's first URL path was checked for an unknown page
CURATOR = "curator"  # the signed-in account may save (components/auth.py): lists the curation page
ADMIN = "_admin"  # the signed-in account is an administrator: lists the audit page
ACCOUNT = "_account"  # the signed-in account (danvan.accounts.Account), by components/auth.py
SEEN = "_account_seen"  # when the signed-in session was last active (for expiry after inactivity)
EXPIRED = "_account_expired"  # the session just expired: the sign-in form says why
COOKIE_AT = "_account_cookie_at"  # when this session last wrote its sign-in cookie (components/auth.py)
SIGNED_OUT = "_account_signed_out"  # this session signed out: its cookie, read when it connected, no longer counts

# Presentation mode
SLIDE = "_slide"  # the slide shown, from 0
PRESENT_REQUEST = "_present_request"  # open the slides on the next run
PRESENT_RETURN = "_present_return"  # the page to go back to
PRESENT_SEEDED = "_present_seeded"  # the session's first URL was read for `trinh_chieu`
PRESENT_KEEP = "_present_keep"  # the filter's widget values carried over a page switch
