/**
 * NANP area code → IANA zone for the United States and Canada, the two multi-zone countries whose
 * numbers carry their region (libphonenumber-js has no geocoding data). Built from the NANPA
 * area-code assignments; an area code is listed only when (nearly) all of it keeps one clock.
 * Codes that straddle a zone line (FL 850/448, ID 208/986, IN 812/930, KY 270/364, TN 931,
 * SD 605, NE 308, MI 906, ON 807, ...), non-geographic codes (800, 5XX...) and codes newer than
 * this table fall back to the campaign's zone. Mobile numbers keep the area code they were
 * issued in, so a lead who moved is judged by their old region: the campaign's hours should
 * leave a margin.
 */
const TABLE: Record<string, string> = {
  'America/New_York': `201 202 203 207 212 215 216 220 223 229 231 234 239 240 248 252 260 267 269
    272 276 301 302 304 305 313 315 317 321 326 330 332 336 339 347 351 352 380 386 401 404 407 410
    412 413 419 423 434 440 443 445 463 470 475 478 484 502 508 513 516 517 518 540 551 561 567 570
    571 574 585 586 603 606 607 609 610 614 616 617 631 640 646 667 678 680 681 689 703 704 706 716
    717 718 724 727 732 734 740 743 754 757 762 765 770 772 774 781 786 802 803 804 810 813 814 828
    838 839 843 845 848 854 856 857 859 860 862 863 864 865 878 904 908 910 912 914 917 919 929 934
    937 941 947 954 959 973 978 980 984 989`,
  'America/Chicago': `205 210 214 217 218 219 224 225 228 251 254 256 262 281 309 312 314 316 318
    319 320 325 331 334 337 346 361 402 405 409 414 417 430 432 469 479 501 504 507 512 515 531 534
    539 563 573 580 601 608 612 615 618 620 629 630 636 641 651 659 660 662 682 708 712 713 715 726
    731 737 763 769 773 779 785 806 815 816 817 830 832 847 870 872 901 903 913 918 920 936 938 940
    952 956 972 979 985`,
  'America/Denver': '303 307 385 406 435 505 575 719 720 801 915 970',
  'America/Phoenix': '480 520 602 623 928',
  'America/Los_Angeles': `206 209 213 253 279 310 323 360 408 415 424 425 442 458 503 509 510 530
    541 559 562 564 619 626 628 650 657 661 669 702 707 714 725 747 760 775 805 818 831 858 909 916
    925 949 951 971`,
  'America/Anchorage': '907',
  'Pacific/Honolulu': '808',
  'America/Toronto': `226 249 289 343 365 367 416 418 437 438 450 514 519 548 579 581 613 647 705
    819 873 905`,
  'America/Winnipeg': '204 431',
  'America/Regina': '306 639',
  'America/Edmonton': '403 587 780 825',
  'America/Vancouver': '236 250 604 672 778',
}

/** Area code (3 digits) → IANA zone, for US and Canadian numbers. */
export const NANP_ZONES: ReadonlyMap<string, string> = new Map(
  Object.entries(TABLE).flatMap(([zone, codes]) =>
    codes
      .split(/\s+/)
      .filter(Boolean)
      .map((code) => [code, zone] as [string, string]),
  ),
)

/**
 * The zone of a US or Canadian E.164 number from its area code, or `undefined`.
 * @example findNanpZone('+12125550123') // 'America/New_York'
 */
export function findNanpZone(e164: string): string | undefined {
  return e164.startsWith('+1') ? NANP_ZONES.get(e164.slice(2, 5)) : undefined
}
