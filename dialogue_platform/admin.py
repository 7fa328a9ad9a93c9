from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User

admin.site.register(User, UserAdmin)
admin.site.site_header = _("Dialogue Platform Records — back office")
admin.site.site_title = _("Dialogue Platform Records")
admin.site.index_title = _("Secretariat")
