/* Words for the API's codes, and the one meaning of every count the frontend shows. */

export const KIND_LABELS = { theory: '理论', news: '新闻', digest: '摘编', editorial: '编者按' };
export const KIND_COLORS = { theory: '#b3121b', news: '#1d4f91', digest: '#8a5a00', editorial: '#3f7a55' };
export const ROLE_LABELS = {
  author: '作者', reporter: '记者', correspondent: '通讯员', photographer: '摄影', intern: '实习生', editor: '编辑',
};
export const LEVEL_LABELS = {
  province: '省级', city: '市级', district: '区', county: '县', street: '街道', town: '镇', township: '乡', community: '社区', village: '村',
};

/** What an initiative is (the API's `type`). */
export const INITIATIVE_KIND_LABELS = { programme: '项目', mechanism: '机制', platform: '平台', campaign: '行动', slogan: '提法' };

/** An initiative's kind in words, with the naming word that marked it when there is one. */
export function initiativeKind(initiative) {
  const kind = INITIATIVE_KIND_LABELS[initiative.type] || '';
  return initiative.naming_word ? `${kind} · ${initiative.naming_word}` : kind;
}

/** Levels whose places have places below them in the gazetteer (the tree opens these). */
export const BRANCH_LEVELS = new Set(['province', 'city', 'district', 'county']);

/**
 * Each count the API gives has one name and one meaning everywhere it is shown; views take the
 * label and the explanation from here, and the legend lists them.
 */
export const COUNTS = {
  placeArticles: { label: '报道', unit: '篇', help: '以此地或其下辖地区为主要地区的文章数' },
  placeMentions: { label: '提及', unit: '次', help: '全部文章点到此地名称的总次数' },
  placeMentioningArticles: { label: '见于', unit: '篇', help: '点到此地名称的文章数（不论是否以此地为主）' },
  placeOccurrences: { label: '本文提及', unit: '次', help: '此地名称在这篇文章中出现的次数' },
  initiativeArticles: { label: '见于', unit: '篇', help: '提到这项举措的文章数' },
  initiativeMentions: { label: '提及', unit: '次', help: '全部文章提到这项举措的总次数' },
  initiativeOccurrences: { label: '本文提及', unit: '次', help: '这项举措在这篇文章中出现的次数' },
  authorArticles: { label: '署名', unit: '篇', help: '此人署名（作者、记者、通讯员等）的文章数' },
  tagArticles: { label: '标签', unit: '篇', help: '带有这个关键词标签的文章数' },
  pageArticles: { label: '文章', unit: '篇', help: '这个版面上识别出的文章数' },
  editionPages: { label: '版面', unit: '个', help: '这一天收录的版面数' },
};
