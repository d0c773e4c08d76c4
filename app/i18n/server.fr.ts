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
  notifications,
};

export default server;
export type ServerStrings = typeof server;
