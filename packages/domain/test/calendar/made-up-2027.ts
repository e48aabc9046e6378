/** A made-up 2027 arrangement in the shape an operator types from the notice (not the real 2027 notice). */
export const madeUp2027 = () => ({
  year: 2027,
  notice: {
    title: "国务院办公厅关于2027年部分节假日安排的通知",
    documentNumber: "国办发明电〔2026〕99号",
    issued: "2026-11-01",
  },
  holidays: [
    { name: "元旦", restDays: ["2027-01-01", "2027-01-02", "2027-01-03"] },
    {
      name: "春节",
      restDays: [
        "2027-02-06",
        "2027-02-07",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-02-11",
        "2027-02-12",
      ],
      adjustedWorkingDays: ["2027-02-14", "2027-02-20"],
    },
  ],
});
