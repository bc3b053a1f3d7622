# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import qms_onestop_form_template
from . import qms_receipt_rule
from . import qms_tthc_case
from . import res_company
from . import res_partner
from . import qms_onestop_dossier_child_mixin
from . import qms_onestop_dossier
from . import qms_onestop_dossier_component
from . import qms_onestop_dossier_fee
from . import qms_onestop_dossier_line
from . import qms_onestop_dossier_log
from . import qms_onestop_pause
from . import qms_onestop_supplement
from . import qms_onestop_notice
from . import qms_onestop_transfer
from . import qms_onestop_rating
from . import qms_onestop_status_map
from . import qms_onestop_lookup
from . import qms_onestop_api
from . import tier_definition
from . import tier_review
from . import qms_agency_status
from . import mgmtsystem_indicator
from . import qms_management_review
from . import qms_dost_report
from . import qms_onestop_dossier_demo
