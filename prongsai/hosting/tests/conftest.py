from prongsai.hosting.tests.fixtures import (  # noqa: F401
    chaiyaphum,
    make_new_agency,
    operator_client,
    operator_user,
    rival,
    rival_client,
)
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401
