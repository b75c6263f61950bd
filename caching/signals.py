"""What the page cache tells other apps."""

from django.dispatch import Signal

# Sent with `tally` each time a public page whose view set `response.tally` is sent to a visitor, from the
# cache or drawn afresh: an app counts what visitors were shown without making pages differ per visitor or
# going around the cache. Receivers must be quick and must not fail.
page_served = Signal()
