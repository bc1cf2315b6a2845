app_name = "importer"
urlpatterns = []
