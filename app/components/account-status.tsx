/** A person's account as staff lists show it: inactive, invited (no password yet) or active. */
import { useTranslation } from "~/i18n/react";
import { Badge } from "~/components/ui/badge";

export function AccountStatusBadge({ person }: { person: { active: boolean; invited: boolean } }) {
  const { t } = useTranslation();
  if (!person.active) return <Badge tone="neutral">{t("common.inactive")}</Badge>;
  if (person.invited) return <Badge tone="warning">{t("common.invited")}</Badge>;
  return <Badge tone="success">{t("common.active")}</Badge>;
}
