/**
 * What a learner reads about their placement: each level's name and what its track emphasises, and
 * one sentence per fact key of app/domain/placement.ts. Placeholders are {{param}} (see translate.ts).
 * Scores are whole percentages; attitude runs from -100 to +100.
 */
import type { FactKey, Level, Placement } from "../domain/placement";
import { interpolate } from "./translate";

export type PlacementStrings = {
  resultTitle: string;
  whyTitle: string;
  commonCore: string;
  levels: Record<Level, { name: string; description: string }>;
  facts: Record<FactKey, string>;
};

const NBSP = "\u00a0";

export const placementStrings: { fr: PlacementStrings; en: PlacementStrings } = {
  fr: {
    resultTitle: "Votre niveau : {{level}}",
    whyTitle: "Pourquoi ce niveau ?",
    commonCore:
      "Comme tout le monde, vous suivrez aussi le tronc commun : la charte (ligne éditoriale, nétiquette, données personnelles, règles de divulgation), le code de conduite et la manière de répondre aux critiques.",
    levels: {
      native: {
        name: "Natif",
        description:
          "Les réseaux sociaux sont déjà une seconde nature pour vous : votre parcours passe vite sur les bases et se concentre sur les objectifs de l'entreprise, ce qu'elle cherche à obtenir sur chaque réseau, et la façon d'en mesurer les résultats. Vous verrez aussi comment passer de vos habitudes personnelles à une parole d'ambassadeur et contribuer à la stratégie de contenu.",
      },
      late_adopter: {
        name: "Adepte tardif",
        description:
          "Les réseaux sociaux sont entrés dans votre vie sur le tard, et vous les utilisez aujourd'hui. Votre parcours présente les réseaux que l'entreprise a choisis et pourquoi, puis les bonnes pratiques d'engagement sur chacun : rédiger des messages qu'on lit, soigner son profil professionnel, réagir et commenter à bon escient.",
      },
      reluctant: {
        name: "Réticent",
        description:
          "Vous connaissez les grands réseaux sans vraiment les utiliser vous-même. Votre parcours part de ce que vous savez déjà pour montrer des usages plus avancés de ces réseaux, à commencer par l'écoute avant la prise de parole, à petits pas, puis vous fait découvrir d'autres réseaux utilisés par l'entreprise.",
      },
      objector: {
        name: "Objecteur",
        description:
          "Vous avez de sérieuses réserves sur la présence des entreprises et de leurs salariés sur les réseaux sociaux. Votre parcours les prend au sérieux : ce que les organisations y gagnent, ce que coûte le fait de rester à l'écart, et des réponses franches à vos inquiétudes, comme les données personnelles ou la frontière entre vie privée et vie professionnelle.",
      },
      beginner: {
        name: "Débutant",
        description:
          "Les réseaux sociaux sont nouveaux pour vous, et c'est très bien ainsi. Votre parcours vous donne les bases de chacun des réseaux choisis par l'entreprise : ce qu'ils sont, comment créer et sécuriser un compte, jusqu'à votre première publication, pas à pas.",
      },
    },
    facts: {
      attitude_negative: `Vos réponses montrent de fortes réserves envers la présence des entreprises et de leurs salariés sur les réseaux sociaux (attitude de {{attitude}} sur une échelle de −100 à +100 ; le seuil est à {{threshold}}).`,
      attitude_comes_first: `Ces réserves passent en premier, quels que soient votre usage ({{usage}}${NBSP}%) et votre connaissance ({{knowledge}}${NBSP}%) des réseaux : votre parcours commence par y répondre.`,
      attitude_reserved: `Vous avez quelques réserves sur la présence des entreprises et de leurs salariés sur les réseaux sociaux (attitude de {{attitude}} sur une échelle de −100 à +100), sans aller jusqu'à vous y opposer (seuil à {{threshold}}).`,
      attitude_open: `Vous n'êtes pas contre la présence des entreprises et de leurs salariés sur les réseaux sociaux (attitude de {{attitude}} sur une échelle de −100 à +100).`,
      knowledge_low: `Vous connaissez encore peu les réseaux et leur fonctionnement (connaissance de {{knowledge}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
      knowledge_sufficient: `Vous connaissez assez les réseaux et leur fonctionnement pour aller au-delà des bases (connaissance de {{knowledge}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
      usage_low: `Vous utilisez peu les réseaux sociaux à titre personnel (usage de {{usage}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
      usage_moderate: `Vous utilisez les réseaux sociaux, sans que ce soit une habitude quotidienne sur plusieurs réseaux (usage de {{usage}}${NBSP}% ; un usage intensif commence à {{threshold}}${NBSP}%).`,
      usage_high: `Vous utilisez beaucoup les réseaux sociaux, et sur plusieurs réseaux (usage de {{usage}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
      ease_low: `Agir sur les réseaux sociaux ne vous est pas encore naturel (aisance de {{ease}}${NBSP}% ; on parle de seconde nature à partir de {{threshold}}${NBSP}%).`,
      ease_moderate: `Vous êtes plutôt à l'aise sur les réseaux sociaux, sans que ce soit une seconde nature (aisance de {{ease}}${NBSP}%, sous le seuil de {{threshold}}${NBSP}%).`,
      ease_high: `Vous êtes à l'aise sur les réseaux sociaux : publier, régler votre confidentialité, réagir aux commentaires (aisance de {{ease}}${NBSP}%, seuil à {{threshold}}${NBSP}%).`,
    },
  },
  en: {
    resultTitle: "Your level: {{level}}",
    whyTitle: "Why this level?",
    commonCore:
      "Like everyone, you also take the common core: the charter (editorial line, netiquette, personal data, disclosure rules), the code of conduct, and how to answer criticism.",
    levels: {
      native: {
        name: "Native",
        description:
          "Social media is already second nature to you, so your track moves quickly past the basics and focuses on the company's objectives: what it wants to achieve on each network and how the results are measured. You will also see how to turn personal habits into an ambassador's voice and contribute to the content strategy.",
      },
      late_adopter: {
        name: "Late adopter",
        description:
          "You came to social media later and use it today. Your track shows which networks the company has chosen and why, then the best engagement practice on each: writing posts people read, a sound professional profile, reacting and commenting to good effect.",
      },
      reluctant: {
        name: "Reluctant",
        description:
          "You know the big networks but hardly use them yourself. Your track starts from what you already know and shows more advanced uses of those networks, beginning with listening before speaking, one small step at a time, then introduces other networks the company uses.",
      },
      objector: {
        name: "Objector",
        description:
          "You have serious reservations about companies and their employees on social media. Your track takes them seriously: what organisations gain by being there, what staying away costs, and straight answers to concerns such as personal data and the line between private and professional life.",
      },
      beginner: {
        name: "Beginner",
        description:
          "Social media is new to you, and that is fine. Your track gives you the basics of each network the company has chosen: what it is, how to create and secure an account, up to your first post, step by step.",
      },
    },
    facts: {
      attitude_negative:
        "Your answers show strong reservations about companies and their employees being on social media (attitude {{attitude}} on a scale from −100 to +100; the threshold is {{threshold}}).",
      attitude_comes_first:
        "These reservations come first, whatever your own use ({{usage}}%) and knowledge ({{knowledge}}%) of social media: your track starts by answering them.",
      attitude_reserved:
        "You have some reservations about companies and their employees being on social media (attitude {{attitude}} on a scale from −100 to +100), without going as far as opposing it (threshold {{threshold}}).",
      attitude_open:
        "You are not opposed to companies and their employees being on social media (attitude {{attitude}} on a scale from −100 to +100).",
      knowledge_low: "You don't know much yet about the networks and how they work (knowledge {{knowledge}}%, below {{threshold}}%).",
      knowledge_sufficient:
        "You know enough about the networks and how they work to go beyond the basics (knowledge {{knowledge}}%, threshold {{threshold}}%).",
      usage_low: "You hardly use social media personally (usage {{usage}}%, below {{threshold}}%).",
      usage_moderate:
        "You use social media, though not as a daily habit across several networks (usage {{usage}}%; heavy use starts at {{threshold}}%).",
      usage_high: "You use social media a lot, and on several networks (usage {{usage}}%, threshold {{threshold}}%).",
      ease_low: "Doing things on social media does not come naturally to you yet (ease {{ease}}%; second nature starts at {{threshold}}%).",
      ease_moderate: "You are fairly at ease on social media, though it is not second nature (ease {{ease}}%, below {{threshold}}%).",
      ease_high:
        "You are at ease on social media: posting, setting who sees what, answering comments (ease {{ease}}%, threshold {{threshold}}%).",
    },
  },
};

/** A placement in words, for the command line (pages and e-mails use the translator). */
export function describePlacement(placement: Placement, lang: keyof typeof placementStrings) {
  const strings = placementStrings[lang];
  const level = strings.levels[placement.level];
  return {
    title: interpolate(strings.resultTitle, { level: level.name }),
    description: level.description,
    commonCore: strings.commonCore,
    reasons: placement.facts.map((fact) => interpolate(strings.facts[fact.key], fact.params)),
  };
}
