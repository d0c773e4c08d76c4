import notifications from "./fr/notifications-mail";

/** Strings only the server uses (e-mails), French; the reference: server.en.ts must have the same keys. Never sent to the browser. */
const server = {
  invite: {
    mailSubject: "Votre invitation à Ambassade",
    mailBody: "Bonjour {{name}},\n\n{{inviter}} vous invite à rejoindre Ambassade, la plateforme de formation des ambassadeurs de l'entreprise sur les réseaux sociaux.\n\nChoisissez votre mot de passe avec ce lien (valable 7 jours, utilisable une seule fois) :\n{{link}}\n\nSi vous ne vous attendiez pas à ce message, ignorez-le.",
  },
  password: {
    mailSubject: "Réinitialisation de votre mot de passe Ambassade",
    mailBody: "Bonjour {{name}},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, utilisable une seule fois) :\n{{link}}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.",
  },
  accreditation: {
    mail: {
      noticeSubject: "Votre accréditation arrive à échéance le {{date}}",
      noticeBody:
        "Bonjour {{name}},\n\nVotre accréditation pour publier au nom de l'entreprise ({{channels}}) prend fin le {{date}}.\n\nPour la renouveler : repassez l'examen, signez la charte en vigueur si ce n'est pas fait, puis demandez le renouvellement à votre manager :\n{{link}}",
      managerNoticeSubject: "L'accréditation de {{person}} arrive à échéance le {{date}}",
      managerNoticeBody:
        "Bonjour {{name}},\n\nL'accréditation de {{person}} ({{channels}}) prend fin le {{date}}. {{person}} a été prévenu·e et pourra vous demander son renouvellement après avoir repassé l'examen.\n\nLes demandes de votre équipe :\n{{link}}",
    },
  },
  privacyExport: {
    title: "Données conservées par Ambassade sur {{name}}",
    intro: "Adresse : {{email}}. Export produit le {{date}} (UTC).",
    files: "Ce fichier ZIP contient ce résumé, person.json, un fichier JSON par type de donnée ci-dessous et, dans le dossier credentials/, vos attestations signées (VC-JWT). Les secrets (empreintes de mot de passe et de jetons) n’y figurent pas.",
    none: "Aucune donnée.",
    count_one: "{{count}} enregistrement.",
    count_other: "{{count}} enregistrements.",
    kinds: {
      account: "Compte",
      roles: "Rôles",
      managed_teams: "Équipes gérées",
      sessions: "Sessions de connexion",
      invitations: "Invitations reçues",
      invitations_sent: "Invitations envoyées",
      password_resets: "Réinitialisations de mot de passe",
      sign_in_counters: "Compteurs d’échecs de connexion",
      identities: "Comptes d’authentification unique (SSO)",
      questionnaire_runs: "Questionnaires de positionnement",
      questionnaire_answers: "Réponses au questionnaire",
      placements: "Niveaux attribués",
      placements_set: "Niveaux attribués à d’autres",
      module_progress: "Progression dans les modules",
      check_answers: "Réponses aux questions de vérification",
      reflections: "Réflexions écrites",
      reflections_reviewed: "Réflexions relues",
      charter_signatures: "Signatures de la charte",
      charter_publications: "Chartes publiées",
      exam_attempts: "Tentatives d’examen",
      exam_answers: "Réponses aux examens",
      accreditations: "Accréditations",
      accreditation_decisions: "Décisions d’accréditation prises",
      credentials: "Attestations vérifiables",
      webhook_events: "Événements envoyés aux outils reliés",
      mails: "E-mails",
      api_tokens_created: "Jetons d’API créés",
      webhooks_created: "Webhooks créés",
      module_versions_authored: "Versions de modules publiées",
      module_drafts_edited: "Brouillons de modules modifiés",
      track_versions_authored: "Versions des parcours publiées",
      media_uploaded: "Images déposées",
      privacy_notices_seen: "Notices de confidentialité lues",
      notifications: "Notifications (boîte de réception)",
      notification_opt_outs: "E-mails désactivés",
      privacy_notices_published: "Notices de confidentialité publiées",
      legal_hold: "Gel légal",
      legal_holds_set: "Gels légaux posés",
      audit_log: "Journal d’audit",
    },
  },
  notifications,
};

export default server;
export type ServerStrings = typeof server;
