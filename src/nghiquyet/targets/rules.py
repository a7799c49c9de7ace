"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.orgs.access import register_model_permissions
from nghiquyet.targets.models import Actual, Indicator, PeriodLock, PeriodLockException, Target

for model in (Indicator, Target, Actual, PeriodLock, PeriodLockException):
    register_model_permissions(model)
