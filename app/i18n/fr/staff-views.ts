/**
 * Staff views in the third person (French): what a manager, trainer or admin reads about someone
 * else's accreditation and placement — never "you". Sentences put the person's name as subject (or
 * say "ses"/"sa") so that French elision never meets a name ("de Emma"). Namespace `staffView.*`.
 */
const NBSP = "\u00a0";

const staffView = {
  explanation: {
    suspendedCharter: `Accréditation suspendue${NBSP}: {{name}} n’a pas encore signé la charte {{version}}, en vigueur. Elle redevient valide dès la signature, jusqu’à sa date de fin.`,
    revoked: `Accréditation retirée. Motif${NBSP}: {{reason}}`,
    declined: `Demande refusée. Motif${NBSP}: {{reason}}`,
    expired: "Accréditation expirée le {{date}}.",
    inForce: `Valide${NBSP}: {{name}} peut publier au nom de l’entreprise sur ces réseaux.`,
    notInForce: `Non valide${NBSP}: {{name}} ne peut pas publier au nom de l’entreprise.`,
    partial: `Demandés mais non accordés${NBSP}: {{channels}}.`,
  },
  checklist: {
    placedUnmet: "Pas encore positionné·e.",
    examLapsed: "Réussi le {{date}}, plus valable depuis le {{until}}.",
    charterOld: `Version {{signed}} signée${NBSP}; la version {{current}} est désormais en vigueur.`,
  },
  history: {
    personTitle: "Historique des décisions",
    teamTitle: "Décisions récentes",
    teamIntro: "Les dernières décisions prises sur les accréditations de vos équipes.",
    empty: "Aucune décision pour l’instant.",
    when: "Quand",
    person: "Personne",
    decision: "Décision",
    by: "Par",
    reason: "Motif",
    system: "Ambassade",
  },
  closed: {
    title: "Retirées, expirées ou refusées",
    intro: "Les personnes de vos équipes dont la dernière accréditation n’est plus valable, ou dont la dernière demande a été refusée.",
    empty: "Personne dans ce cas.",
    see: "Voir le dossier\u00a0: {{name}}",
  },
  invite: {
    fileOnly:
      "Invitation enregistrée pour {{email}}, mais aucun serveur de messagerie n’est configuré (SMTP_URL) : le message a seulement été écrit dans un fichier sur le serveur. Transmettez vous-même ce lien à la personne (valable 7 jours, utilisable une seule fois) : {{link}}",
    fileOnlyAskAdmin:
      "Invitation enregistrée pour {{email}}, mais aucun serveur de messagerie n’est configuré : le message n’est pas parti. Demandez à un administrateur de transmettre le lien d’invitation.",
    fileStatus:
      "Aucun serveur de messagerie n’est configuré : le message d’invitation a seulement été écrit dans un fichier sur le serveur. Renvoyez l’invitation pour obtenir un nouveau lien à transmettre vous-même.",
  },
  placement: {
    fromQuestionnaire: "D’après ses réponses au questionnaire du {{date}}.",
    facts: {
      attitude_negative: `Ses réponses montrent de fortes réserves envers la présence des entreprises et de leurs salariés sur les réseaux sociaux (attitude de {{attitude}} sur une échelle de −100 à +100${NBSP}; le seuil est à {{threshold}}).`,
      attitude_comes_first: `Ces réserves passent en premier, quels que soient son usage ({{usage}}${NBSP}%) et sa connaissance ({{knowledge}}${NBSP}%) des réseaux${NBSP}: son parcours commence par y répondre.`,
      attitude_reserved: `Quelques réserves sur la présence des entreprises et de leurs salariés sur les réseaux sociaux (attitude de {{attitude}} sur une échelle de −100 à +100), sans aller jusqu’à s’y opposer (seuil à {{threshold}}).`,
      attitude_open:
        "Pas d’opposition à la présence des entreprises et de leurs salariés sur les réseaux sociaux (attitude de {{attitude}} sur une échelle de −100 à +100).",
      knowledge_low: `Connaît encore peu les réseaux et leur fonctionnement (connaissance de {{knowledge}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
      knowledge_sufficient: `Connaît assez les réseaux et leur fonctionnement pour aller au-delà des bases (connaissance de {{knowledge}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
      usage_low: `Utilise peu les réseaux sociaux à titre personnel (usage de {{usage}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
      usage_moderate: `Utilise les réseaux sociaux, sans que ce soit une habitude quotidienne sur plusieurs réseaux (usage de {{usage}}${NBSP}%${NBSP}; un usage intensif commence à {{threshold}}${NBSP}%).`,
      usage_high: `Utilise beaucoup les réseaux sociaux, et sur plusieurs réseaux (usage de {{usage}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
      ease_low: `Agir sur les réseaux sociaux n’est pas encore naturel pour cette personne (aisance de {{ease}}${NBSP}%${NBSP}; on parle de seconde nature à partir de {{threshold}}${NBSP}%).`,
      ease_moderate: `Plutôt à l’aise sur les réseaux sociaux, sans que ce soit une seconde nature (aisance de {{ease}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
      ease_high: `À l’aise sur les réseaux sociaux${NBSP}: publier, régler sa confidentialité, réagir aux commentaires (aisance de {{ease}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
    },
  },
};

export default staffView;
export type StaffViewStrings = typeof staffView;
