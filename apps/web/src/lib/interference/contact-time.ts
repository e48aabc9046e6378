/** When a contact happened (IF.3 时间), as the pages show it: the day as 2020年12月30日, then the time if given. */
import { formatDate, type Language } from "@liuhen/domain";

export const formatContactTime = (time: string, language: Language): string => {
  const [day = "", clock] = time.split("T");
  return clock === undefined ? formatDate(day, language) : `${formatDate(day, language)} ${clock}`;
};
