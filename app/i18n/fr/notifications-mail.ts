/**
 * The notices (mail and inbox), French: written on the server in the reader's language, never sent to
 * the browser as a dictionary (server group). One entry per kind of app/domain/notifications.ts:
 * `subject` (mail), `inbox` (one line in /inbox), `label` (the account page's opt-out list), and the
 * paragraphs of the mail. Namespace `notifications.*`.
 */
const notifications = {
  greeting: "Bonjour {{name}},",
  open: "Ouvrir dans Ambassade",
  openLink: "Pour y aller : {{link}}",
  footerOptional: "Vous pouvez désactiver ce type de message dans votre compte : {{link}}",
  footerMandatory: "Ce message ne peut pas être désactivé : il change ce que vous pouvez faire au nom de l’entreprise.",
  digestSubject_one: "{{count}} nouvelle dans Ambassade",
  digestSubject_other: "{{count}} nouvelles dans Ambassade",
  digestIntro: "Plusieurs changements vous concernent :",
  weekly: {
    intro: "Voici ce qui a changé dans vos équipes ces 7\u00a0derniers jours, et ce qui les attend.",
    newlyAccredited_one: "Nouvelle accréditation ({{count}})\u00a0: {{names}}.",
    newlyAccredited_other: "Nouvelles accréditations ({{count}})\u00a0: {{names}}.",
    expiring_one: "Accréditation qui prend fin dans les {{days}}\u00a0jours ({{count}})\u00a0: {{names}}.",
    expiring_other: "Accréditations qui prennent fin dans les {{days}}\u00a0jours ({{count}})\u00a0: {{names}}.",
    expiringPerson: "{{name}} (le {{date}})",
    stalled_one: "Personne sans progrès depuis plus de {{days}}\u00a0jours ({{count}})\u00a0: {{names}}.",
    stalled_other: "Personnes sans progrès depuis plus de {{days}}\u00a0jours ({{count}})\u00a0: {{names}}.",
    stalledPerson: "{{name}} ({{step}}, depuis {{days}}\u00a0jours)",
    more_one: "et {{count}} autre",
    more_other: "et {{count}} autres",
    quiet: "Rien à signaler dans cette équipe cette semaine.",
    steps: {
      signedIn: "doit se connecter",
      placed: "doit répondre au questionnaire",
      trackCompleted: "doit terminer son parcours",
      examPassed: "doit réussir l’examen",
      charterSigned: "doit signer la charte",
      accredited: "peut demander son accréditation",
    },
  },
  kinds: {
    request_waiting: {
      label: "Une demande d’accréditation attend ma décision (manager)",
      subject: "{{person}} demande une accréditation",
      subjectRenewal: "{{person}} demande le renouvellement de son accréditation",
      inbox: "{{person}} attend votre décision ({{channels}}).",
      body: "{{person}} demande une accréditation pour : {{channels}}. La demande attend votre décision.",
      bodyRenewal: "{{person}} demande le renouvellement de son accréditation pour : {{channels}}. La demande attend votre décision.",
    },
    team_suspended: {
      label: "L’accréditation d’une personne de mon équipe est suspendue (manager)",
      subject: "Accréditation suspendue : {{person}}",
      inbox: "Accréditation suspendue : {{person}}.",
      bodyCharter:
        "{{person}} n’a pas encore signé la charte {{version}}, désormais en vigueur : son accréditation est suspendue jusqu’à la signature. Cette personne a reçu un message.",
      bodyLeft: "{{person}} a quitté l’organisation : son accréditation est suspendue.",
    },
    team_expiring: {
      label: "L’accréditation d’une personne de mon équipe arrive à échéance (manager)",
      inbox: "Fin d’accréditation le {{date}} : {{person}}.",
    },
    weekly_summary: {
      label: "Le résumé hebdomadaire de mes équipes (manager)",
      subject: "La semaine de vos équipes dans Ambassade",
      inbox: "Résumé de la semaine de vos équipes.",
    },
    granted: {
      label: "Accréditation accordée",
      subject: "Votre accréditation est accordée",
      inbox: "Accréditation accordée : {{channels}}, jusqu’au {{date}}.",
      body: "Votre manager vous a accordé l’accréditation pour publier au nom de l’entreprise sur : {{channels}}, jusqu’au {{date}}.",
      partial:
        "Vous aviez aussi demandé : {{notGranted}}. Ces canaux ne vous sont pas accordés pour l’instant ; parlez-en à votre manager si vous en avez besoin.",
    },
    declined: {
      label: "Demande refusée",
      subject: "Votre demande d’accréditation est refusée",
      subjectRenewal: "Votre demande de renouvellement est refusée",
      inbox: "Demande refusée. Motif : {{reason}}",
      body: "Votre manager a refusé votre demande d’accréditation. Motif : {{reason}}",
      bodyRenewal: "Votre manager a refusé le renouvellement de votre accréditation. Motif : {{reason}}",
      after: "Vous pourrez faire une nouvelle demande quand vous serez prêt·e.",
    },
    suspended: {
      label: "Accréditation suspendue",
      subject: "Votre accréditation est suspendue : signez la nouvelle charte",
      subjectLeft: "Votre accréditation est suspendue",
      inbox: "Accréditation suspendue jusqu’à votre signature de la charte {{version}}.",
      inboxLeft: "Accréditation suspendue : vous avez quitté l’organisation.",
      body: "Une nouvelle version de la charte des médias sociaux ({{version}}) est en vigueur. Votre accréditation est suspendue jusqu’à ce que vous la signiez : vous ne pouvez pas publier au nom de l’entreprise d’ici là.",
      changed: "Ce qui change : {{summary}}",
      bodyLeft: "Votre accréditation est suspendue parce que vous avez quitté l’organisation. Seul votre manager peut la rétablir.",
    },
    reinstated: {
      label: "Accréditation rétablie",
      subject: "Votre accréditation est rétablie",
      inbox: "Accréditation rétablie jusqu’au {{date}}.",
      body: "Votre accréditation est de nouveau valable, jusqu’au {{date}}.",
    },
    expiring: {
      label: "Mon accréditation arrive à échéance",
      inbox: "Votre accréditation prend fin le {{date}}.",
    },
    expired: {
      label: "Accréditation expirée",
      subject: "Votre accréditation a expiré",
      inbox: "Votre accréditation a expiré.",
      body: "Votre accréditation ({{channels}}) a expiré : vous ne pouvez plus publier au nom de l’entreprise. Pour la renouveler, repassez l’examen, signez la charte en vigueur, puis demandez le renouvellement.",
    },
    revoked: {
      label: "Accréditation retirée",
      subject: "Votre accréditation est retirée",
      inbox: "Accréditation retirée. Motif : {{reason}}",
      body: "Votre manager a retiré votre accréditation : vous ne pouvez plus publier au nom de l’entreprise. Motif : {{reason}}",
    },
    reopened: {
      label: "Mon dossier est rouvert",
      subject: "Vous pouvez de nouveau demander une accréditation",
      inbox: "Dossier rouvert : vous pouvez faire une nouvelle demande.",
      body: "Votre manager a rouvert votre dossier : vous pouvez faire une nouvelle demande d’accréditation sans attendre.",
    },
    renewed: {
      label: "Accréditation renouvelée",
      subject: "Votre accréditation est renouvelée",
      inbox: "Accréditation renouvelée : {{channels}}, jusqu’au {{date}}.",
      body: "Votre manager a renouvelé votre accréditation pour : {{channels}}, jusqu’au {{date}}.",
    },
    reflection_reviewed: {
      label: "Un formateur a relu ma réponse écrite",
      subject: "Votre réponse a été relue",
      inbox: "{{trainer}} a relu votre réponse dans « {{module}} ».",
      body: "{{trainer}} a relu votre réponse écrite dans le module « {{module}} ».",
      comment: "Son commentaire : {{comment}}",
    },
    placement_overridden: {
      label: "Mon niveau a été changé",
      subject: "Votre niveau a été changé",
      inbox: "{{by}} a fixé votre niveau à « {{level}} ».",
      body: "{{by}} a fixé votre niveau à « {{level}} ». Raison : {{reason}}",
      after: "Votre parcours suit ce niveau.",
    },
  },
};

export default notifications;
export type NotificationMailStrings = typeof notifications;
