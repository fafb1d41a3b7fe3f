"""DRF renderers that turn an `ExportTable` into a CSV or XLSX download."""

from rest_framework.renderers import BaseRenderer

from exchange.writers import write_csv, write_xlsx


class XLSXRenderer(BaseRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return write_xlsx(data)


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return write_csv(data)
