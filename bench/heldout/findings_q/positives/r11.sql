-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: 10.12.XX.XX    Database: ebid_archive
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET TIME_ZONE='+08:00' */;

--
-- Table structure for table `t_bid_result`
--

DROP TABLE IF EXISTS `t_bid_result`;
CREATE TABLE `t_bid_result` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_code` varchar(64) NOT NULL COMMENT '项目编号',
  `title` varchar(255) NOT NULL COMMENT '公告标题',
  `purchaser` varchar(128) DEFAULT NULL COMMENT '采购单位',
  `winner` varchar(255) DEFAULT NULL COMMENT '成交供应商',
  `budget_wan` decimal(14,4) DEFAULT NULL COMMENT '预算（万元）',
  `deal_wan` decimal(14,4) DEFAULT NULL COMMENT '成交金额（万元）',
  `method` varchar(32) DEFAULT NULL COMMENT '采购方式',
  `publish_time` datetime DEFAULT NULL COMMENT '发布时间',
  `content` mediumtext COMMENT '正文摘要',
  PRIMARY KEY (`id`),
  KEY `idx_pub` (`publish_time`)
) ENGINE=InnoDB AUTO_INCREMENT=88417 DEFAULT CHARSET=utf8mb4 COMMENT='结果公告归档';

--
-- Dumping data for table `t_bid_result`
--

LOCK TABLES `t_bid_result` WRITE;
/*!40000 ALTER TABLE `t_bid_result` DISABLE KEYS */;
INSERT INTO `t_bid_result` VALUES (88409,'JCXC-2024-WZ-0233','锦澄新材料2024年度劳保用品采购成交公告','江苏锦澄新材料股份有限公司','常州安佑劳保用品有限公司',30.0000,27.6500,'询比价','2024-07-22 16:40:00','劳保手套、工作服、安全鞋等，框架供货12个月。'),(88410,'JCXC-2024-FW-0237','锦澄新材料厂区绿化养护服务成交公告','江苏锦澄新材料股份有限公司','常州青禾园林工程有限公司',18.0000,16.9000,'询比价','2024-07-22 16:52:00','厂区绿化养护，服务期一年。'),(88411,'JCXC-2024-FW-0241','锦澄新材料研发中心大模型API调用服务成交公告','江苏锦澄新材料股份有限公司','南京拓域智联信息技术有限公司',40.0000,36.8000,'竞争性谈判','2024-07-23 10:05:00','<p>成交内容：OpenAI官方API（GPT-4o、text-embedding-3-large）调用额度，供应商以其新加坡子公司名义注册OpenAI组织账号并充值，向我司研发中心提供API Key及用量看板，服务期12个月，预计调用量约3亿tokens。</p><p>报价：36.80万元（含税），按季度结算。</p><p>说明：不接受经国内大模型转接或“兼容OpenAI接口”的替代方案。</p>'),(88412,'JCXC-2024-HW-0244','锦澄新材料实验室试剂耗材采购成交公告','江苏锦澄新材料股份有限公司','江苏科谱实验器材有限公司',55.0000,51.2300,'询比价','2024-07-23 14:18:00','分析纯试剂、色谱柱及玻璃器皿，按实际用量结算。'),(88413,'JCXC-2024-GC-0246','锦澄新材料二号仓库屋面防水维修工程成交公告','江苏锦澄新材料股份有限公司','常州恒固防水工程有限公司',22.0000,20.4800,'询比价','2024-07-24 09:30:00','屋面SBS卷材防水维修约2,600平方米。');
/*!40000 ALTER TABLE `t_bid_result` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-08-01  02:00:07
