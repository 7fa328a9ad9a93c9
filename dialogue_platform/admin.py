from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User

admin.site.register(User, UserAdmin)
admin.site.site_header = "Dialogue Platform Records — back office"
admin.site.site_title = "Dialogue Platform Records"
admin.site.index_title = "Secretariat"
