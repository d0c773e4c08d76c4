/**
 * What a learner reads about their placement: each level's name and what its track emphasises, and
 * one sentence per fact key of app/domain/placement.ts. Placeholders are {{param}} (see translate.ts).
 * Scores are whole percentages; attitude runs from -100 to +100.
 */
import type { FactKey, Level } from "../../domain/placement";

export type PlacementStrings = {
  resultTitle: string;
  whyTitle: string;
  commonCore: string;
  levels: Record<Level, { name: string; description: string }>;
  facts: Record<FactKey, string>;
};

const NBSP = "\u00a0";

const placement: PlacementStrings = {
  resultTitle: "Votre niveau\u00a0: {{level}}",
  whyTitle: "Pourquoi ce niveau\u00a0?",
  commonCore:
    "Comme tout le monde, vous suivrez aussi le tronc commun\u00a0: la charte (ligne éditoriale, nétiquette, données personnelles, règles de divulgation), le code de conduite et la manière de répondre aux critiques.",
  levels: {
    native: {
      name: "Natif",
      description:
        "Les réseaux sociaux sont déjà une seconde nature pour vous\u00a0: votre parcours passe vite sur les bases et se concentre sur les objectifs de l’entreprise, ce qu’elle cherche à obtenir sur chaque réseau, et la façon d’en mesurer les résultats. Vous verrez aussi comment passer de vos habitudes personnelles à une parole d’ambassadeur et contribuer à la stratégie de contenu.",
    },
    late_adopter: {
      name: "Adepte tardif",
      description:
        "Les réseaux sociaux sont entrés dans votre vie sur le tard, et vous les utilisez aujourd’hui. Votre parcours présente les réseaux que l’entreprise a choisis et pourquoi, puis les bonnes pratiques d’engagement sur chacun\u00a0: rédiger des messages qu’on lit, soigner son profil professionnel, réagir et commenter à bon escient.",
    },
    reluctant: {
      name: "Réticent",
      description:
        "Vous connaissez les grands réseaux sans vraiment les utiliser vous-même. Votre parcours part de ce que vous savez déjà pour montrer des usages plus avancés de ces réseaux, à commencer par l’écoute avant la prise de parole, à petits pas, puis vous fait découvrir d’autres réseaux utilisés par l’entreprise.",
    },
    objector: {
      name: "Objecteur",
      description:
        "Vous êtes opposé·e à la présence de l’entreprise sur les réseaux sociaux, ou à ce que ses salariés en parlent. Votre parcours prend cette position au sérieux\u00a0: ce que les organisations y gagnent, ce que coûte le fait de rester à l’écart, et des réponses franches à vos objections et à vos inquiétudes, comme les données personnelles ou la frontière entre vie privée et vie professionnelle.",
    },
    beginner: {
      name: "Débutant",
      description:
        "Les réseaux sociaux sont nouveaux pour vous, ou vous ne les avez encore jamais pratiqués, et c’est très bien ainsi. Votre parcours vous donne les bases de chacun des réseaux choisis par l’entreprise\u00a0: ce qu’ils sont, comment créer et sécuriser un compte, jusqu’à votre première publication, pas à pas.",
    },
  },
  facts: {
    attitude_negative: `Vos réponses montrent une opposition à la présence de l’entreprise sur les réseaux sociaux ou à ce que ses salariés en parlent (attitude de {{attitude}} sur une échelle de −100 à +100${NBSP}; le seuil est à {{threshold}}). Vos inquiétudes personnelles n’entrent pas dans ce calcul.`,
    attitude_comes_first: `Cette opposition passe en premier, quels que soient votre usage ({{usage}}${NBSP}%) et votre connaissance ({{knowledge}}${NBSP}%) des réseaux${NBSP}: votre parcours commence par y répondre.`,
    attitude_reserved: `Vous avez quelques réserves sur la présence de l’entreprise sur les réseaux sociaux ou sur la parole de ses salariés (attitude de {{attitude}} sur une échelle de −100 à +100), sans aller jusqu’à vous y opposer (seuil à {{threshold}}).`,
    attitude_open: `Vous n’êtes pas contre la présence de l’entreprise sur les réseaux sociaux ni contre la parole de ses salariés (attitude de {{attitude}} sur une échelle de −100 à +100).`,
    knowledge_low: `Vous connaissez encore peu les réseaux et leur fonctionnement (connaissance de {{knowledge}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
    knowledge_sufficient: `Vous connaissez assez les réseaux et leur fonctionnement pour aller au-delà des bases (connaissance de {{knowledge}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
    usage_low: `Vous utilisez peu les réseaux sociaux à titre personnel${NBSP}: vous ne vous servez pas, ou très peu, d’un compte (usage de {{usage}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%${NBSP}; l’ancienneté d’un compte et la simple lecture n’y comptent pas).`,
    usage_moderate: `Vous utilisez les réseaux sociaux, sans que ce soit une habitude quotidienne et active sur plusieurs réseaux (usage de {{usage}}${NBSP}%${NBSP}; un usage intensif commence à {{threshold}}${NBSP}%).`,
    usage_high: `Vous utilisez beaucoup les réseaux sociaux, et sur plusieurs réseaux (usage de {{usage}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
    ease_low: `Agir sur les réseaux sociaux ne vous est pas encore naturel (aisance de {{ease}}${NBSP}%${NBSP}; on parle de seconde nature à partir de {{threshold}}${NBSP}%).`,
    ease_moderate: `Vous êtes plutôt à l’aise sur les réseaux sociaux, sans que ce soit une seconde nature (aisance de {{ease}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
    ease_high: `Vous êtes à l’aise sur les réseaux sociaux${NBSP}: publier, régler votre confidentialité, réagir aux commentaires (aisance de {{ease}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
    practice_low: `Vous n’avez pas de compte dont vous vous servez et peu de contact avec les réseaux (pratique de {{exposure}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%)${NBSP}: sans pratique, votre parcours part des bases, quelles que soient vos bonnes réponses aux questions de connaissance (connaissance de {{knowledge}}${NBSP}%).`,
    practice_sufficient: `Vous connaissez les réseaux de première main${NBSP}: vous avez, ou avez eu, un compte, et vous voyez ce qui s’y publie (pratique de {{exposure}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
  },
};

export default placement;
