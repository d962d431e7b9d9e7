from django.utils.translation import gettext_lazy
from django_otp.admin import OTPAdminSite

# The Django admin is for instance operators (agencies, host names, national holidays). OTPAdminSite admits
# only staff users who have passed two-factor verification.
operator_site = OTPAdminSite(name="operator")
operator_site.site_header = gettext_lazy("Prongsai – ผู้ดูแลศูนย์ให้บริการ")
operator_site.site_title = "Prongsai"
