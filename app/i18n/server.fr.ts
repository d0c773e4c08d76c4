/** Strings only the server uses (e-mails), French; the reference: server.en.ts must have the same keys. Never sent to the browser. */
const server = {
  /** Page titles ("<page> · Ambassade", app/utils/title.server.ts): one per page, all different. */
  titles: {
    account: "Mon compte",
    accreditation: "Mon accréditation",
    certificate: "Mon certificat",
    adminApi: "Jetons d’API",
    adminAudit: "Journal d’audit",
    adminCharter: "Versions de la charte",
    adminSettings: "Paramètres",
    adminTeams: "Gestion des équipes",
    adminWebhooks: "Webhooks",
    charter: "Charte des réseaux sociaux",
    diagnostic: "Questionnaire de positionnement",
    diagnosticStep: "Question {{n}} sur {{total}} · Questionnaire de positionnement",
    diagnosticClosed: "Questionnaire fermé",
    diagnosticReview: "Vérifier mes réponses",
    exam: "Examen final",
    examAttempt: "Examen en cours",
    examResult: "Résultat de l’examen",
    forgotPassword: "Mot de passe oublié",
    home: "Accueil",
    invite: "Accepter l’invitation",
    login: "Connexion",
    logout: "Déconnexion",
    person: "{{name}} · Personnes",
    personPlacement: "Positionnement · {{name}}",
    people: "Personnes",
    peopleInvite: "Inviter une personne",
    placement: "Mon niveau",
    resetPassword: "Nouveau mot de passe",
    studio: "Studio",
    studioModule: "{{id}} · Studio",
    studioHistory: "Historique · {{id}} · Studio",
    studioReviews: "Réflexions à relire · Studio",
    studioTracks: "Parcours par niveau · Studio",
    teamRequest: "Demande · {{name}}",
    teamRequests: "Demandes d’accréditation",
    team: "Équipe {{name}}",
    teams: "Équipes",
    track: "Mon parcours",
    trackModule: "{{title}} · Mon parcours",
    verify: "Vérification d’une accréditation",
    verifyNotFound: "Attestation introuvable",
  },
  /** The certificate's PDF and LinkedIn name (app/models/certificate.server.ts). */
  certificate: {
    name: "Ambassadeur accrédité des réseaux sociaux",
    heading: "Certificat d’accréditation",
    certifies: "Ce certificat atteste que",
    channels: "a été accrédité·e pour parler au nom de l’organisation sur\u00a0: {{channels}}",
    validity: "Valable du {{from}} au {{until}}",
    verifyHere: "Vérifier ce certificat à tout moment\u00a0:",
    credentialId: "Identifiant de l’attestation\u00a0: {{id}}",
    statusOn: "Statut au {{date}}\u00a0: {{status}}",
    status: { valid: "valide", expired: "expirée", suspended: "suspendue", revoked: "retirée" },
    openBadge: "Attestation vérifiable Open Badges 3.0, signée par l’émetteur.",
  },
  invite: {
    mailSubject: "Votre invitation à Ambassade",
    mailBody: "Bonjour {{name}},\n\n{{inviter}} vous invite à rejoindre Ambassade, la plateforme de formation des ambassadeurs de l'entreprise sur les réseaux sociaux.\n\nChoisissez votre mot de passe avec ce lien (valable 7 jours, utilisable une seule fois)\u00a0:\n{{link}}\n\nSi vous ne vous attendiez pas à ce message, ignorez-le.",
  },
  password: {
    mailSubject: "Réinitialisation de votre mot de passe Ambassade",
    mailBody: "Bonjour {{name}},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, utilisable une seule fois)\u00a0:\n{{link}}\n\nSi vous n'avez rien demandé, ignorez ce message\u00a0: votre mot de passe actuel reste valable.",
  },
  accreditation: {
    mail: {
      noticeSubject: "Votre accréditation arrive à échéance le {{date}}",
      noticeBody:
        "Bonjour {{name}},\n\nVotre accréditation pour publier au nom de l'entreprise ({{channels}}) prend fin le {{date}}.\n\nPour la renouveler\u00a0: repassez l'examen, signez la charte en vigueur si ce n'est pas fait, puis demandez le renouvellement à votre manager\u00a0:\n{{link}}",
      managerNoticeSubject: "L'accréditation {{de person}} arrive à échéance le {{date}}",
      managerNoticeBody:
        "Bonjour {{name}},\n\nL'accréditation {{de person}} ({{channels}}) prend fin le {{date}}. {{person}} a été prévenu·e et pourra vous demander son renouvellement après avoir repassé l'examen.\n\nLes demandes de votre équipe\u00a0:\n{{link}}",
    },
  },
};

export default server;
export type ServerStrings = typeof server;
