import type { MessageArea } from '../types';

export const canvasMessages: MessageArea = {
  en: {
    'canvas.label': 'Model canvas',
    'canvas.minimap': 'Overview map of the canvas',
    'canvas.dragOutHint': 'Hold Alt to move it out of the scope',
    'canvas.node.noOutput': 'no output',
    'canvas.scope.collapse': 'Collapse scope',
    'canvas.scope.expand': 'Expand scope',
    'canvas.scope.params': '{count} parameters',
    'canvas.scope.errors': '{count} problems inside',
  },
  ko: {
    'canvas.label': '모델 캔버스',
    'canvas.minimap': '캔버스 전체 지도',
    'canvas.dragOutHint': '스코프 밖으로 옮기려면 Alt 키를 누른 채 끄세요',
    'canvas.node.noOutput': '출력 없음',
    'canvas.scope.collapse': '스코프 접기',
    'canvas.scope.expand': '스코프 펼치기',
    'canvas.scope.params': '파라미터 {count}개',
    'canvas.scope.errors': '안에 문제 {count}개',
  },
};
