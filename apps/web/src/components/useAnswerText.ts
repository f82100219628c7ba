import { useTranslation } from 'react-i18next';
import { useQuestionnaire } from '../api/catalog';

/**
 * An answer that made an item or a material required or waived, in words: "用地取得方式：出让…"
 * or, in English, "Land acquisition: New land by grant" from the questionnaire (the API's
 * English text leads with the question's and option's codes).
 */
export function useAnswerText() {
  const { i18n } = useTranslation();
  const q = useQuestionnaire();
  const en = i18n.language === 'en';
  return (r: { questionId?: string; optionId?: string; text: string; textEn: string }) => {
    if (!en) return r.text;
    const question = q.data?.questions.find((x) => x.id === r.questionId);
    const option = question?.options.find((o) => o.id === r.optionId);
    return question && option ? `${question.labelEn}: ${option.textEn}` : r.textEn;
  };
}
