# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import models

_logger = logging.getLogger(__name__)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _index(self, bin_data, file_type, checksum=None):
        """Index UTF-8 text files whole: the standard indexer keeps only ASCII
        runs, which drops most Vietnamese words."""
        if file_type and file_type.startswith("text/") and bin_data:
            try:
                return bin_data.decode("utf-8")
            except UnicodeDecodeError:
                _logger.debug("Not UTF-8 text: standard indexing")
        return super()._index(bin_data, file_type, checksum=checksum)
